//! A linear model over hashed string features, trained as an averaged perceptron: the quote
//! classifier (binary) and the speaker ranker (pick one candidate or none) both use it.
//! Small on purpose: a few thousand weights, stored by sorted feature id (`Linear::to_bytes`).

use crate::hash::{IdMap, fold32, hash_bytes};
use crate::model_file::{ModelError, Reader};

/// Feature id of a feature string.
pub fn feat(s: &str) -> u32 {
    fold32(hash_bytes(0x51, s.as_bytes()))
}

#[derive(Default, Clone)]
pub struct Linear {
    pub w: IdMap<f32>,
}

impl Linear {
    pub fn score(&self, feats: &[u32]) -> f32 {
        feats.iter().filter_map(|f| self.w.get(f)).sum()
    }

    /// Magic, the number of weights (u32), then their feature ids' deltas (ids sorted) as four
    /// byte planes (every delta's low byte, then every second byte, ...) and the f32 weights
    /// as four byte planes: gzip finds each byte's own distribution (the sign and exponent
    /// bytes repeat). As (id, f32) pairs the two shipped models took 71 KB gzipped, so 62 KB.
    pub fn to_bytes(&self, magic: &[u8]) -> Vec<u8> {
        let mut keys: Vec<(&u32, &f32)> = self.w.iter().filter(|(_, v)| **v != 0.0).collect();
        keys.sort_by_key(|k| *k.0);
        let mut out = magic.to_vec();
        out.extend((keys.len() as u32).to_le_bytes());
        let mut planes: [Vec<u8>; 8] = Default::default();
        let mut last = 0u32;
        for (k, v) in keys {
            let (d, v) = ((k - last).to_le_bytes(), v.to_le_bytes());
            last = *k;
            for (p, b) in planes.iter_mut().zip(d.into_iter().chain(v)) {
                p.push(b);
            }
        }
        planes.iter().for_each(|p| out.extend(p));
        out
    }

    pub fn from_bytes(magic: &[u8], b: &[u8]) -> Result<Linear, ModelError> {
        let mut r = Reader::new(b, "linear model");
        r.magic(magic)?;
        let n = r.u32()? as usize;
        let body = r.rest();
        if body.len() != n.saturating_mul(8) {
            return Err(r.error(&format!(
                "expected {} weight bytes, found {}",
                n.saturating_mul(8),
                body.len()
            )));
        }
        let byte = |plane: usize, i: usize| body[plane * n + i];
        let mut key = 0u32;
        let w = (0..n)
            .map(|i| {
                let d = u32::from_le_bytes(std::array::from_fn(|p| byte(p, i)));
                key = key.wrapping_add(d);
                (
                    key,
                    f32::from_le_bytes(std::array::from_fn(|p| byte(4 + p, i))),
                )
            })
            .collect();
        Ok(Linear { w })
    }
}

/// Accumulates perceptron updates and their timestamps for averaging.
#[derive(Default)]
pub struct Averager {
    pub model: Linear,
    u: IdMap<f32>,
    c: f32,
}

impl Averager {
    pub fn tick(&mut self) {
        self.c += 1.0;
    }
    pub fn update(&mut self, feats: &[u32], d: f32) {
        for f in feats {
            *self.model.w.entry(*f).or_default() += d;
            *self.u.entry(*f).or_default() += d * self.c;
        }
    }
    pub fn averaged(&self) -> Linear {
        let c = self.c.max(1.0);
        let w = self
            .model
            .w
            .iter()
            .map(|(k, v)| (*k, v - self.u.get(k).copied().unwrap_or(0.0) / c))
            .filter(|(_, v)| v.abs() > 1e-6)
            .collect();
        Linear { w }
    }
}

/// One step of xorshift64 (Marsaglia 2003): the next state, also returned.
pub fn xorshift(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

/// Deterministic xorshift shuffle.
pub fn shuffle<T>(items: &mut [T], seed: &mut u64) {
    for i in (1..items.len()).rev() {
        items.swap(i, (xorshift(seed) % (i as u64 + 1)) as usize);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_roundtrip_and_errors() {
        let mut l = Linear::default();
        l.w.insert(feat("a"), 1.5);
        l.w.insert(feat("b"), -2.0);
        let b = l.to_bytes(b"T1");
        let r = Linear::from_bytes(b"T1", &b).unwrap();
        assert_eq!(r.score(&[feat("a"), feat("b")]), -0.5);
        assert!(Linear::from_bytes(b"T2", &b).is_err());
        assert!(Linear::from_bytes(b"T1", &b[..b.len() - 1]).is_err());
    }

    /// The shipped files are what `to_bytes` writes of the weights they hold (`newslens train
    /// quotes` and `speakers` write these very bytes).
    #[test]
    fn the_shipped_models_are_written_back_byte_for_byte() {
        use crate::{quotes, speakers};
        for (magic, b) in [
            (quotes::classify::MAGIC, quotes::EMBEDDED_MODEL),
            (speakers::MAGIC, speakers::EMBEDDED_MODEL),
        ] {
            let l = Linear::from_bytes(magic, b).unwrap();
            assert!(l.w.len() > 3000);
            assert!(l.to_bytes(magic) == b);
        }
    }

    #[test]
    fn averager_learns_a_separable_rule() {
        let mut a = Averager::default();
        let data = [(vec![feat("x")], 1.0), (vec![feat("y")], -1.0)];
        for _ in 0..5 {
            for (f, y) in &data {
                a.tick();
                let s = a.model.score(f);
                if s * y <= 0.0 {
                    a.update(f, *y);
                }
            }
        }
        let m = a.averaged();
        assert!(m.score(&[feat("x")]) > 0.0 && m.score(&[feat("y")]) < 0.0);
    }
}
