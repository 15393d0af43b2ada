//! Constrained Viterbi: the best label sequence of a linear chain (start weights, transition
//! weights, each token's emission scores) among the sequences a `Grammar` allows: which labels may
//! open a sequence, follow one another and close it. Both taggers decode with it: the entity
//! tagger's BILOU tags and the reported-speech tagger's cue, source and content runs.
//!
//! It does not score tokens or hold weights (each tagger's model does), and it knows no tag's
//! meaning: a label is an index in `0..N`.

/// Which labels may open a sequence (`start`), follow a label (`follow[prev][next]`) and close a
/// sequence (`end`).
pub struct Grammar<const N: usize> {
    pub start: [bool; N],
    pub follow: [[bool; N]; N],
    pub end: [bool; N],
}

impl<const N: usize> Grammar<N> {
    pub fn new(
        start: impl Fn(usize) -> bool,
        follow: impl Fn(usize, usize) -> bool,
        end: impl Fn(usize) -> bool,
    ) -> Grammar<N> {
        Grammar {
            start: std::array::from_fn(start),
            follow: std::array::from_fn(|p| std::array::from_fn(|n| follow(p, n))),
            end: std::array::from_fn(end),
        }
    }

    /// The transition weights with the steps this grammar forbids at -inf.
    pub fn mask(&self, trans: &[[f32; N]; N]) -> [[f32; N]; N] {
        std::array::from_fn(|p| {
            std::array::from_fn(|n| {
                if self.follow[p][n] {
                    trans[p][n]
                } else {
                    f32::NEG_INFINITY
                }
            })
        })
    }
}

/// The best sequence of labels the grammar allows, scored as `start[l0] + em[0][l0]`, plus
/// `trans[l(i-1)][li] + em[i][li]` for each later token. Exact.
///
/// The forward pass keeps only each label's best score, a maximum over every previous label at
/// once (forbidden steps score -inf), which vectorises; the label before each label of the best
/// path is found again on the way back. Ties go to the lowest label: the first of equal
/// predecessors (compared on the previous score plus the transition), the first of equal last
/// labels, as a running argmax would. Scores are never NaN.
pub fn viterbi<const N: usize>(
    grammar: &Grammar<N>,
    start: &[f32; N],
    trans: &[[f32; N]; N],
    em: &[[f32; N]],
) -> Vec<u8> {
    let n = em.len();
    if n == 0 {
        return Vec::new();
    }
    // computed once rather than per token
    let trans = grammar.mask(trans);
    let mut score = vec![[f32::NEG_INFINITY; N]; n];
    for t in 0..N {
        if grammar.start[t] {
            score[0][t] = em[0][t] + start[t];
        }
    }
    for i in 1..n {
        let prev = score[i - 1];
        let mut best = [f32::NEG_INFINITY; N];
        for p in 0..N {
            for c in 0..N {
                let v = prev[p] + trans[p][c];
                // not `f32::max`, whose NaN rule costs a mask per lane
                best[c] = if v > best[c] { v } else { best[c] };
            }
        }
        for c in 0..N {
            score[i][c] = best[c] + em[i][c];
        }
    }
    let mut last = 0;
    let mut best = f32::NEG_INFINITY;
    for t in 0..N {
        if grammar.end[t] && score[n - 1][t] > best {
            best = score[n - 1][t];
            last = t;
        }
    }
    let mut out = vec![0u8; n];
    out[n - 1] = last as u8;
    for i in (1..n).rev() {
        let cur = out[i] as usize;
        let prev = &score[i - 1];
        // a comparison, as above: WebAssembly calls a library function for `f32::max`
        let top = (0..N).fold(f32::NEG_INFINITY, |b, p| {
            let v = prev[p] + trans[p][cur];
            if v > b { v } else { b }
        });
        let arg = (0..N).find(|&p| prev[p] + trans[p][cur] == top);
        out[i - 1] = arg.unwrap_or(0) as u8;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::linear::xorshift;

    /// A random grammar over `N` labels: each start, step and end allowed with probability 3/4,
    /// the first label always allowed everywhere so that some sequence is.
    fn random_grammar<const N: usize>(seed: &mut u64) -> Grammar<N> {
        let mut coin = || !xorshift(seed).is_multiple_of(4);
        let start: [bool; N] = std::array::from_fn(|t| t == 0 || coin());
        let follow: [[bool; N]; N] =
            std::array::from_fn(|p| std::array::from_fn(|c| (p == 0 && c == 0) || coin()));
        let end: [bool; N] = std::array::from_fn(|t| t == 0 || coin());
        Grammar { start, follow, end }
    }

    /// Every allowed sequence of `len` labels scored, the best kept; `viterbi` must score as
    /// much, with an allowed sequence. Random weights, grammars and lengths 1 to `max_len`.
    fn check_against_brute_force<const N: usize>(seed: u64, rounds: usize, max_len: u32) {
        let mut seed = seed;
        for round in 0..rounds {
            let grammar = random_grammar::<N>(&mut seed);
            let mut r = || (xorshift(&mut seed) % 2000) as f32 / 100.0 - 10.0;
            let start: [f32; N] = std::array::from_fn(|_| r());
            let trans: [[f32; N]; N] = std::array::from_fn(|_| std::array::from_fn(|_| r()));
            let len = 1 + round % max_len as usize;
            let em: Vec<[f32; N]> = (0..len).map(|_| std::array::from_fn(|_| r())).collect();
            let score = |p: &[u8]| {
                let mut s = start[p[0] as usize] + em[0][p[0] as usize];
                for i in 1..p.len() {
                    s += trans[p[i - 1] as usize][p[i] as usize] + em[i][p[i] as usize];
                }
                s
            };
            let allowed = |p: &[u8]| {
                grammar.start[p[0] as usize]
                    && grammar.end[p[p.len() - 1] as usize]
                    && p.windows(2)
                        .all(|w| grammar.follow[w[0] as usize][w[1] as usize])
            };
            let mut best = f32::NEG_INFINITY;
            for k in 0..N.pow(len as u32) {
                let p: Vec<u8> = (0..len).map(|i| (k / N.pow(i as u32) % N) as u8).collect();
                if allowed(&p) {
                    best = best.max(score(&p));
                }
            }
            let got = viterbi(&grammar, &start, &trans, &em);
            assert_eq!(got.len(), len);
            assert!(allowed(&got), "{got:?}");
            assert!(
                (score(&got) - best).abs() < 1e-3,
                "{} vs {best}",
                score(&got)
            );
        }
    }

    #[test]
    fn viterbi_finds_the_best_allowed_sequence() {
        check_against_brute_force::<3>(5, 200, 6);
        check_against_brute_force::<8>(11, 40, 4);
        check_against_brute_force::<17>(7, 20, 3);
    }

    /// On weights with many ties (whole numbers from -2 to 2), the first of equal predecessors
    /// and of equal last labels wins, as in a running argmax over the allowed labels in order.
    #[test]
    fn ties_go_to_the_lowest_label() {
        const N: usize = 5;
        let mut seed = 13u64;
        for _ in 0..300 {
            let grammar = random_grammar::<N>(&mut seed);
            let mut r = || (xorshift(&mut seed) % 5) as f32 - 2.0;
            let start: [f32; N] = std::array::from_fn(|_| r());
            let trans: [[f32; N]; N] = std::array::from_fn(|_| std::array::from_fn(|_| r()));
            let em: Vec<[f32; N]> = (0..6).map(|_| std::array::from_fn(|_| r())).collect();
            // the running argmax, with back pointers
            let mut score = vec![[f32::NEG_INFINITY; N]; em.len()];
            let mut back = vec![[0u8; N]; em.len()];
            for t in (0..N).filter(|t| grammar.start[*t]) {
                score[0][t] = em[0][t] + start[t];
            }
            for i in 1..em.len() {
                for c in 0..N {
                    let mut best = f32::NEG_INFINITY;
                    for p in (0..N).filter(|p| grammar.follow[*p][c]) {
                        let s = score[i - 1][p] + trans[p][c];
                        if s > best {
                            best = s;
                            back[i][c] = p as u8;
                        }
                    }
                    score[i][c] = best + em[i][c];
                }
            }
            let n = em.len();
            let mut last = 0;
            for t in (0..N).filter(|t| grammar.end[*t]) {
                if score[n - 1][t] > score[n - 1][last] {
                    last = t;
                }
            }
            let mut want = vec![last as u8; n];
            for i in (1..n).rev() {
                want[i - 1] = back[i][want[i] as usize];
            }
            assert_eq!(viterbi(&grammar, &start, &trans, &em), want);
        }
    }
}
