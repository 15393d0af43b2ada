//! Word clusters learned from unlabeled text, as a stand-in for Brown clusters: each frequent word
//! gets a bit-string path from bisecting spherical k-means over its left and right neighbours.
//! Words with similar contexts share path prefixes, so the tagger can generalise from "Berlin" to
//! "Vienna". Deterministic; the output is `models/clusters.tsv` (`file`: `bits<TAB>word word ...`,
//! a line per cluster), read by `knowledge::Gazetteers`.

use crate::text::normalise;
use std::collections::HashMap;

pub struct Config {
    /// Words seen fewer times get no cluster.
    pub min_count: usize,
    /// Context words: the most frequent ones.
    pub contexts: usize,
    /// Depth of the binary tree (path length).
    pub depth: usize,
    /// Clusters smaller than this are not split further.
    pub min_size: usize,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            min_count: 4,
            contexts: 800,
            depth: 12,
            min_size: 8,
        }
    }
}

type Sparse = Vec<(u32, f32)>;

fn dot(a: &Sparse, c: &[f32]) -> f32 {
    a.iter().map(|(i, v)| v * c[*i as usize]).sum()
}

/// The cluster file of `(path, word)` pairs: a line per path (in order), its words (in order)
/// after a tab, separated by spaces (a word holds no white space). Gzip packs it into 50 KB,
/// against 64 KB for a `path<TAB>word` line per word.
pub fn file(rows: &[(String, String)]) -> String {
    let mut by_path: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
    for (p, w) in rows {
        by_path.entry(p).or_default().push(w);
    }
    let mut out = String::new();
    for (p, mut words) in by_path {
        words.sort_unstable();
        out.push_str(p);
        out.push('\t');
        out.push_str(&words.join(" "));
        out.push('\n');
    }
    out
}

/// `(path, word)` pairs for the frequent words of `texts`, sorted by word.
pub fn learn(texts: &[&str], cfg: &Config) -> Vec<(String, String)> {
    let docs: Vec<Vec<String>> = texts
        .iter()
        .map(|t| {
            crate::text::tokens::tokenize(t)
                .iter()
                .map(|k| normalise(k.span.text(t)))
                .collect()
        })
        .collect();
    let mut freq: HashMap<&str, usize> = HashMap::new();
    for d in &docs {
        for w in d {
            *freq.entry(w).or_default() += 1;
        }
    }
    let mut by_freq: Vec<(&str, usize)> = freq.iter().map(|(w, n)| (*w, *n)).collect();
    by_freq.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let ctx_index: HashMap<&str, u32> = by_freq
        .iter()
        .take(cfg.contexts)
        .enumerate()
        .map(|(i, (w, _))| (*w, i as u32))
        .collect();
    let vocab: Vec<&str> = by_freq
        .iter()
        .filter(|(_, n)| *n >= cfg.min_count)
        .map(|(w, _)| *w)
        .collect();
    let vocab_index: HashMap<&str, usize> =
        vocab.iter().enumerate().map(|(i, w)| (*w, i)).collect();
    let dim = 2 * cfg.contexts;
    let mut counts: Vec<HashMap<u32, f32>> = vec![HashMap::new(); vocab.len()];
    for d in &docs {
        for (i, w) in d.iter().enumerate() {
            let Some(&vi) = vocab_index.get(w.as_str()) else {
                continue;
            };
            if i > 0
                && let Some(&c) = ctx_index.get(d[i - 1].as_str())
            {
                *counts[vi].entry(c).or_default() += 1.0;
            }
            if let Some(&c) = d.get(i + 1).and_then(|n| ctx_index.get(n.as_str())) {
                *counts[vi].entry(c + cfg.contexts as u32).or_default() += 1.0;
            }
        }
    }
    // log counts, L2-normalised
    let vecs: Vec<Sparse> = counts
        .into_iter()
        .map(|m| {
            let mut v: Sparse = m.into_iter().map(|(k, c)| (k, (1.0 + c).ln())).collect();
            v.sort_by_key(|x| x.0);
            let n = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt().max(1e-6);
            v.iter_mut().for_each(|x| x.1 /= n);
            v
        })
        .collect();
    let mut paths = vec![String::new(); vocab.len()];
    // words whose neighbours are all rare have no vector: no cluster
    let mut stack: Vec<Vec<usize>> =
        vec![(0..vocab.len()).filter(|&i| !vecs[i].is_empty()).collect()];
    while let Some(members) = stack.pop() {
        if members.len() < cfg.min_size || paths[members[0]].len() >= cfg.depth {
            continue;
        }
        let (left, right) = split(&vecs, &members, dim);
        if left.is_empty() || right.is_empty() {
            continue;
        }
        for &m in &left {
            paths[m].push('0');
        }
        for &m in &right {
            paths[m].push('1');
        }
        stack.push(left);
        stack.push(right);
    }
    let mut out: Vec<(String, String)> = vocab
        .iter()
        .zip(paths)
        .filter(|(_, p)| !p.is_empty())
        .map(|(w, p)| (p, w.to_string()))
        .collect();
    out.sort_by(|a, b| a.1.cmp(&b.1));
    out
}

/// Two-way spherical k-means, seeded with the most frequent member and the member least like it.
fn split(vecs: &[Sparse], members: &[usize], dim: usize) -> (Vec<usize>, Vec<usize>) {
    let dense = |i: usize| {
        let mut c = vec![0.0f32; dim];
        for (k, v) in &vecs[i] {
            c[*k as usize] = *v;
        }
        c
    };
    let a = members[0];
    let da = dense(a);
    let b = *members
        .iter()
        .min_by(|x, y| dot(&vecs[**x], &da).total_cmp(&dot(&vecs[**y], &da)))
        .unwrap_or(&a);
    let mut cents = [dense(a), dense(b)];
    let mut assign = vec![false; members.len()];
    for _ in 0..8 {
        for (j, &m) in members.iter().enumerate() {
            assign[j] = dot(&vecs[m], &cents[1]) > dot(&vecs[m], &cents[0]);
        }
        for (side, cent) in cents.iter_mut().enumerate() {
            cent.iter_mut().for_each(|x| *x = 0.0);
            for (j, &m) in members.iter().enumerate() {
                if assign[j] == (side == 1) {
                    for (k, v) in &vecs[m] {
                        cent[*k as usize] += v;
                    }
                }
            }
            let n = cent.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-6);
            cent.iter_mut().for_each(|x| *x /= n);
        }
    }
    let left = members
        .iter()
        .zip(&assign)
        .filter(|(_, a)| !**a)
        .map(|(m, _)| *m)
        .collect();
    let right = members
        .iter()
        .zip(&assign)
        .filter(|(_, a)| **a)
        .map(|(m, _)| *m)
        .collect();
    (left, right)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_the_same_contexts_share_a_prefix() {
        let mut text = String::new();
        for city in ["paris", "berlin", "rome", "madrid"] {
            for _ in 0..5 {
                text += &format!("flew to {city} today . ");
            }
        }
        for v in ["ran", "walked", "jumped", "swam"] {
            for _ in 0..5 {
                text += &format!("she {v} quickly . ");
            }
        }
        let cfg = Config {
            min_count: 3,
            contexts: 50,
            depth: 4,
            min_size: 2,
        };
        let out = learn(&[text.as_str()], &cfg);
        let path = |w: &str| {
            out.iter()
                .find(|(_, x)| x == w)
                .map(|(p, _)| p.clone())
                .unwrap()
        };
        let common = |a: &str, b: &str| {
            path(a)
                .chars()
                .zip(path(b).chars())
                .take_while(|(x, y)| x == y)
                .count()
        };
        assert!(
            common("paris", "berlin") > common("paris", "ran"),
            "{out:?}"
        );
        assert!(common("walked", "swam") > common("swam", "rome"), "{out:?}");
    }

    /// The shipped file is what `file` writes of the pairs it holds (`newslens train clusters`
    /// writes these very bytes).
    #[test]
    fn the_shipped_file_is_written_back_byte_for_byte() {
        let shipped = crate::knowledge::gazetteer::EMBEDDED_CLUSTERS;
        let mut rows = Vec::new();
        for line in shipped.lines() {
            let (p, words) = line.split_once('\t').unwrap();
            rows.extend(words.split(' ').map(|w| (p.to_string(), w.to_string())));
        }
        assert_eq!(rows.len(), 12_467);
        assert!(file(&rows) == shipped);
    }
}
