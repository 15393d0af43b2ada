//! The reported-speech tagger's scorer: a small neural net over hashed features. Each feature id
//! falls into one of a fixed number of rows (`Net::bucket`), each row holds `D` numbers; a
//! token's rows are summed, and its eight tag scores are a one-hidden-layer network of that sum,
//! its neighbours' sums and two recurrent states (`Layers::inputs`), plus a linear map of its
//! own sum. The linear map alone is what a linear tagger does; the hidden layer adds
//! conjunctions of features, its own and its neighbours'; the recurrent states (`Gru`, one run
//! left to right, one right to left) carry what the window said before and after the token.
//! Scores are decoded along `tagger::Chain`. Stored with rows quantised to i8 (a scale per
//! dimension); training is `trainer.rs`. Natively, scoring is also compiled for AVX2 and chosen
//! at run time (`Net::scores`, the same scores to the bit).
//!
//! It does not choose features or windows (`features`, `mod`).

use super::tagger::{Chain, NT, Row};
use crate::model_file::{ModelError, Reader};

/// Numbers per row: the width of a token's sum.
pub const D: usize = 16;
/// Hidden units.
pub const H: usize = 32;
/// A token's sum of rows.
pub type Sum = [f32; D];
/// What the hidden layer reads of each token (`Layers::inputs`): its own sum and its left and
/// right neighbours' in the window (`context`; zero past the window's edges), so that a token's
/// tag sees what its neighbours' features say ("said" two tokens on, a closing quotation mark
/// next), then the left-to-right and right-to-left recurrent states at the token (`Gru`).
#[derive(Clone, Copy)]
pub struct Input {
    pub sums: [Sum; C],
    /// Left to right (`FORWARD`), right to left (`BACKWARD`).
    pub states: [State; 2],
}
/// Sums a token's input holds: its own, its left and its right neighbour's.
pub const C: usize = 3;
pub const FORWARD: usize = 0;
pub const BACKWARD: usize = 1;
/// Units of each recurrent state.
pub const R: usize = 16;
pub type State = [f32; R];

impl Input {
    pub const ZERO: Input = Input {
        sums: [[0.0; D]; C],
        states: [[0.0; R]; 2],
    };
}

/// The hidden layer's input of every token of a window, its recurrent states left at zero. (A
/// plain loop, no closure, so that `Net::scores`'s AVX2 build compiles it for AVX2 too.)
#[inline(always)]
pub fn context(sums: &[Sum]) -> Vec<Input> {
    let zero = [0f32; D];
    let n = sums.len();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let left = if i > 0 { sums[i - 1] } else { zero };
        let right = if i + 1 < n { sums[i + 1] } else { zero };
        out.push(Input {
            sums: [sums[i], left, right],
            states: [[0.0; R]; 2],
        });
    }
    out
}

/// The gradient of each token's sum through `context`, given the gradient of every token's
/// input: a sum is input 0 of its token, 1 of the next and 2 of the one before.
pub fn context_backward(dx: &[Input]) -> Vec<Sum> {
    let n = dx.len();
    (0..n)
        .map(|i| {
            std::array::from_fn(|d| {
                let next = if i + 1 < n { dx[i + 1].sums[1][d] } else { 0.0 };
                let before = if i > 0 { dx[i - 1].sums[2][d] } else { 0.0 };
                dx[i].sums[0][d] + next + before
            })
        })
        .collect()
}

/// `e^x` within a few parts in 10^7, without a branch or a library call, so that a loop over a
/// gate's units is vectorised: `e^x = 2^k e^y` with `k` the integer nearest `x / ln 2` and
/// `|y| <= ln 2 / 2` (ln 2 split in two so that `y` keeps its precision), `e^y` by its Taylor
/// series to the 6th power (error under 2e-7), `2^k` written
/// into the exponent bits. `x` is clamped to `[-87, 88]`, where `2^k` is a normal float. The
/// library's `exp` and `tanh` took a quarter of the whole analysis's time.
#[inline(always)]
pub fn exp(x: f32) -> f32 {
    const ROUND: f32 = 12_582_912.0; // 1.5 * 2^23: adding it rounds to an integer
    let x = x.clamp(-87.0, 88.0);
    let t = x * std::f32::consts::LOG2_E + ROUND;
    let k = t - ROUND;
    // ln 2 in two parts, the first with few enough bits that `k` times it is exact
    let y = (x - k * 0.693_359_4) + k * 2.121_944_4e-4;
    let p = 1.0
        + y * (1.0
            + y * (1.0 / 2.0
                + y * (1.0 / 6.0 + y * (1.0 / 24.0 + y * (1.0 / 120.0 + y * (1.0 / 720.0))))));
    let k = t.to_bits() as i32 - ROUND.to_bits() as i32;
    p * f32::from_bits(((k + 127) << 23) as u32)
}

#[inline(always)]
fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + exp(-x))
}

/// `tanh x = 2 σ(2x) - 1`, by way of the same `exp`.
#[inline(always)]
fn tanh(x: f32) -> f32 {
    2.0 * sigmoid(2.0 * x) - 1.0
}

/// A gated recurrent unit (Cho et al. 2014) over a window's sums, in one direction. At each
/// token, from its sum `x` and the previous state `h`: update gate `z = σ(Wz x + Uz h + bz)`,
/// reset gate `r = σ(Wr x + Ur h + br)`, candidate `n = tanh(Wn x + r ⊙ (Un h) + bn)`, new
/// state `n + z ⊙ (h - n)`. Gates are indexed 0 (z), 1 (r), 2 (n); matrices are stored input
/// by input, as `Layers`' are.
#[derive(Clone)]
pub struct Gru {
    pub w: [[State; D]; 3],
    pub u: [[State; R]; 3],
    pub b: [State; 3],
}

/// What one step of a `Gru` keeps for its gradient: the state it read, its gates, its
/// candidate, `Un h`, and the state it wrote.
#[derive(Clone)]
pub struct Step {
    prev: State,
    z: State,
    r: State,
    n: State,
    un: State,
    pub h: State,
}

impl Gru {
    pub fn zero() -> Gru {
        Gru {
            w: [[[0.0; R]; D]; 3],
            u: [[[0.0; R]; R]; 3],
            b: [[0.0; R]; 3],
        }
    }

    /// The steps over `xs` in the order given (the state starts at zero).
    #[inline(always)]
    pub fn run<'a>(&self, xs: impl Iterator<Item = &'a Sum>) -> Vec<Step> {
        let mut prev = [0f32; R];
        xs.map(|x| {
            let s = self.step(x, prev);
            prev = s.h;
            s
        })
        .collect()
    }

    /// One step: from input `x` and state `prev`.
    #[inline(always)]
    fn step(&self, x: &Sum, prev: State) -> Step {
        self.recurrent(self.input_sums(x), prev)
    }

    /// The gates' sums of input `x` alone: the biases, plus each input's column in order. They
    /// do not depend on the state, so `Net::scores` computes them for a whole window first,
    /// with no token waiting for the one before.
    #[inline(always)]
    fn input_sums(&self, x: &Sum) -> [State; 3] {
        let mut a = self.b;
        // the three gates' sums are independent chains, each added in its own order
        for d in 0..D {
            for g in 0..3 {
                add_scaled(&mut a[g], &self.w[g][d], x[d]);
            }
        }
        a
    }

    /// The rest of a step, from the input's gates' sums (`input_sums`) and the state `prev`.
    #[inline(always)]
    fn recurrent(&self, mut a: [State; 3], prev: State) -> Step {
        let mut un = [0f32; R];
        for j in 0..R {
            add_scaled(&mut a[0], &self.u[0][j], prev[j]);
            add_scaled(&mut a[1], &self.u[1][j], prev[j]);
            add_scaled(&mut un, &self.u[2][j], prev[j]);
        }
        // plain loops over the units, so that they are vectorised
        let (mut z, mut r, mut n, mut h) = ([0f32; R], [0f32; R], [0f32; R], [0f32; R]);
        for k in 0..R {
            z[k] = sigmoid(a[0][k]);
            r[k] = sigmoid(a[1][k]);
        }
        for k in 0..R {
            n[k] = tanh(a[2][k] + r[k] * un[k]);
            h[k] = n[k] + z[k] * (prev[k] - n[k]);
        }
        Step {
            prev,
            z,
            r,
            n,
            un,
            h,
        }
    }

    /// Backpropagation through time: given the loss's gradient of each step's state (`dh`, in
    /// the steps' order) and the inputs `xs` in that order, add the weights' gradient to `g` and
    /// return each input's.
    pub fn backward(&self, xs: &[&Sum], steps: &[Step], dh: &[State], g: &mut Gru) -> Vec<Sum> {
        let mut dx = vec![[0f32; D]; steps.len()];
        let mut carry = [0f32; R];
        for t in (0..steps.len()).rev() {
            let s = &steps[t];
            let dht: State = std::array::from_fn(|k| dh[t][k] + carry[k]);
            let mut da = [[0f32; R]; 3];
            let mut dun = [0f32; R];
            let mut dprev = [0f32; R];
            for k in 0..R {
                let dn = dht[k] * (1.0 - s.z[k]);
                let dz = dht[k] * (s.prev[k] - s.n[k]);
                dprev[k] = dht[k] * s.z[k];
                let dan = dn * (1.0 - s.n[k] * s.n[k]);
                da[2][k] = dan;
                dun[k] = dan * s.r[k];
                da[1][k] = dan * s.un[k] * s.r[k] * (1.0 - s.r[k]);
                da[0][k] = dz * s.z[k] * (1.0 - s.z[k]);
            }
            let x = xs[t];
            for gate in 0..3 {
                let dag = if gate == 2 { &dun } else { &da[gate] };
                add_scaled(&mut g.b[gate], &da[gate], 1.0);
                for d in 0..D {
                    add_scaled(&mut g.w[gate][d], &da[gate], x[d]);
                    dx[t][d] += dot(&self.w[gate][d], &da[gate]);
                }
                for j in 0..R {
                    add_scaled(&mut g.u[gate][j], dag, s.prev[j]);
                    dprev[j] += dot(&self.u[gate][j], dag);
                }
            }
            carry = dprev;
        }
        dx
    }

    fn flat_mut(&mut self) -> impl Iterator<Item = &mut f32> {
        self.w
            .iter_mut()
            .flatten()
            .flatten()
            .chain(self.u.iter_mut().flatten().flatten())
            .chain(self.b.iter_mut().flatten())
    }
}

fn dot<const N: usize>(a: &[f32; N], b: &[f32; N]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Whether the target's vector registers are wide enough (AVX2's 256 bits, natively) for
/// `Net::scores` to run the two recurrent directions, and two tokens' hidden layers, side by
/// side; WebAssembly's 128-bit registers would spill. The order of each sum's additions is the
/// same either way, so the scores are the same to the bit (a test checks both).
const WIDE: bool = !cfg!(target_arch = "wasm32");

/// The recurrent runs of a window: left to right, then right to left (each in its own order).
pub type Runs = [Vec<Step>; 2];
/// A token's two recurrent states (`Input::states`).
pub type States = [State; 2];

/// The weights past the rows: hidden layer, output layer, the linear map and the chain. Each
/// matrix is stored input by input (`w1[d]` is what input `d` adds to each hidden unit), so
/// that a layer is a few vector additions.
#[derive(Clone)]
pub struct Layers {
    pub w1: [[[f32; H]; D]; C],
    /// What each recurrent state adds to the hidden units.
    pub ws: [[[f32; H]; R]; 2],
    pub b1: [f32; H],
    pub w2: [Row; H],
    pub skip: [Row; D],
    pub b2: Row,
    pub chain: Chain,
    /// Left to right, right to left.
    pub gru: [Gru; 2],
}

impl Layers {
    pub fn zero() -> Layers {
        Layers {
            w1: [[[0.0; H]; D]; C],
            ws: [[[0.0; H]; R]; 2],
            b1: [0.0; H],
            w2: [[0.0; NT]; H],
            skip: [[0.0; NT]; D],
            b2: [0.0; NT],
            chain: Chain::default(),
            gru: [Gru::zero(), Gru::zero()],
        }
    }

    /// The recurrent runs over a window's sums: left to right, right to left.
    #[inline(always)]
    pub fn runs(&self, sums: &[Sum]) -> Runs {
        [
            self.gru[0].run(sums.iter()),
            self.gru[1].run(sums.iter().rev()),
        ]
    }

    /// Every token's states, in the window's order.
    #[inline(always)]
    pub fn states(runs: &Runs) -> Vec<States> {
        let n = runs[0].len();
        (0..n)
            .map(|i| [runs[0][i].h, runs[1][n - 1 - i].h])
            .collect()
    }

    /// Every token's input: the sums around it (`context`) and its recurrent `states`.
    #[inline(always)]
    pub fn inputs(sums: &[Sum], states: &[States]) -> Vec<Input> {
        let mut xs = context(sums);
        for i in 0..xs.len() {
            xs[i].states = states[i];
        }
        xs
    }

    /// The gradient of each sum the recurrent runs read (`sums`, as given to `runs`), given
    /// that of each token's input; the runs' weights' gradient is added to `g`. (The sums'
    /// gradient through `context` is `context_backward`'s.)
    pub fn runs_backward(
        &self,
        sums: &[Sum],
        runs: &Runs,
        dx: &[Input],
        g: &mut Layers,
    ) -> Vec<Sum> {
        let n = sums.len();
        let fwd: Vec<&Sum> = sums.iter().collect();
        let dh: Vec<State> = dx.iter().map(|d| d.states[FORWARD]).collect();
        let mut out = self.gru[0].backward(&fwd, &runs[0], &dh, &mut g.gru[0]);
        let bwd: Vec<&Sum> = sums.iter().rev().collect();
        let dh: Vec<State> = dx.iter().rev().map(|d| d.states[BACKWARD]).collect();
        for (k, d) in self.gru[1]
            .backward(&bwd, &runs[1], &dh, &mut g.gru[1])
            .into_iter()
            .enumerate()
        {
            add_scaled(&mut out[n - 1 - k], &d, 1.0);
        }
        out
    }

    /// Hidden activations (ReLU) and tag scores of a token's input (`context`).
    #[inline(always)]
    pub fn forward(&self, x: &Input) -> ([f32; H], Row) {
        let [(h, out)] = self.forward_many([x]);
        (h, out)
    }

    /// `forward` of `K` tokens at once: each token's sums are taken in `forward`'s order (the
    /// same numbers to the bit); interleaving independent tokens keeps more additions in flight.
    #[inline(always)]
    pub fn forward_many<const K: usize>(&self, xs: [&Input; K]) -> [([f32; H], Row); K] {
        let mut h = [self.b1; K];
        let mut out = [self.b2; K];
        for c in 0..C {
            for d in 0..D {
                for k in 0..K {
                    add_scaled(&mut h[k], &self.w1[c][d], xs[k].sums[c][d]);
                }
            }
        }
        for s in 0..2 {
            for j in 0..R {
                for k in 0..K {
                    add_scaled(&mut h[k], &self.ws[s][j], xs[k].states[s][j]);
                }
            }
        }
        for d in 0..D {
            for k in 0..K {
                add_scaled(&mut out[k], &self.skip[d], xs[k].sums[0][d]);
            }
        }
        for hk in h.iter_mut() {
            for v in hk.iter_mut() {
                // a comparison, not `f32::max`: WebAssembly has no instruction for its NaN rule
                // and calls a library function per unit
                *v = if *v > 0.0 { *v } else { 0.0 };
            }
        }
        for j in 0..H {
            for k in 0..K {
                add_scaled(&mut out[k], &self.w2[j], h[k][j]);
            }
        }
        std::array::from_fn(|k| (h[k], out[k]))
    }

    /// Every weight, in storage order.
    pub fn flat_mut(&mut self) -> Vec<&mut f32> {
        let mut v: Vec<&mut f32> = Vec::new();
        v.extend(self.w1.iter_mut().flatten().flatten());
        v.extend(self.ws.iter_mut().flatten().flatten());
        v.extend(self.b1.iter_mut());
        v.extend(self.w2.iter_mut().flatten());
        v.extend(self.skip.iter_mut().flatten());
        v.extend(self.b2.iter_mut());
        v.extend(self.chain.trans.iter_mut().flatten());
        for g in self.gru.iter_mut() {
            v.extend(g.flat_mut());
        }
        v
    }
}

/// `acc += x * k`, lane by lane.
#[inline(always)]
fn add_scaled<const N: usize>(acc: &mut [f32; N], x: &[f32; N], k: f32) {
    for (a, v) in acc.iter_mut().zip(x) {
        *a += v * k;
    }
}

/// `part += row`, lane by lane, in 16 bits (wrapping, which `Net::accumulate_portable` never
/// reaches).
#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
fn add_row(part: &mut [i16; D], row: &[i8; D]) {
    for d in 0..D {
        part[d] = part[d].wrapping_add(row[d] as i16);
    }
}

/// `add_row` in WebAssembly: the row in one 128-bit load, widened in two halves. (LLVM's
/// vectoriser widens the plain loop four bytes at a time, in registers a quarter full.)
#[cfg(target_arch = "wasm32")]
#[inline(always)]
fn add_row(part: &mut [i16; D], row: &[i8; D]) {
    use core::arch::wasm32::{i16x8_add, i16x8_extend_high_i8x16, i16x8_extend_low_i8x16};
    use core::arch::wasm32::{v128, v128_load, v128_store};
    const _: () = assert!(D == 16);
    let p = part.as_mut_ptr() as *mut v128;
    // SAFETY: `row` is 16 readable bytes and `part` 32 writable ones (D = 16, checked above);
    // WebAssembly's v128 loads and stores need no alignment.
    unsafe {
        let r = v128_load(row.as_ptr() as *const v128);
        v128_store(p, i16x8_add(v128_load(p), i16x8_extend_low_i8x16(r)));
        let p = p.add(1);
        v128_store(p, i16x8_add(v128_load(p), i16x8_extend_high_i8x16(r)));
    }
}

pub const MAGIC: &[u8] = b"NLNET\x03";

/// The stored scorer: the rows as i8 with a scale per dimension, and the layers.
#[derive(Clone)]
pub struct Net {
    rows: Vec<[i8; D]>,
    scale: Sum,
    pub layers: Layers,
}

impl Net {
    /// The row of a feature id (ids are hashes, spread over all 32 bits): the id scaled to
    /// `0..buckets` by a multiplication (Lemire's "fastrange"), no division.
    pub fn bucket(id: u32, buckets: usize) -> usize {
        ((id as u64 * buckets as u64) >> 32) as usize
    }

    /// Quantise trained rows (one per bucket) and layers.
    pub fn new(rows: &[Sum], layers: Layers) -> Net {
        let mut scale = [1e-6f32; D];
        for r in rows {
            for d in 0..D {
                scale[d] = scale[d].max(r[d].abs() / 127.0);
            }
        }
        let rows = rows
            .iter()
            .map(|r| std::array::from_fn(|d| (r[d] / scale[d]).round().clamp(-127.0, 127.0) as i8))
            .collect();
        Net {
            rows,
            scale,
            layers,
        }
    }

    /// Store the rows in `levels` (at most 127) either side of zero: each number rounded from
    /// its i8 (of 127 a side) to the nearest of the coarser steps, half away from zero, and each
    /// dimension's scale grown to match. A net of plain i8 rows is written so (`Net::new`), then
    /// coarsened when it is stored (`trainer::train`): the same numbers in the same file
    /// layout, fewer distinct bytes for gzip. 127 leaves the net as it is.
    pub fn coarsen(&mut self, levels: u8) {
        let l = levels.clamp(1, 127) as u32;
        if l == 127 {
            return;
        }
        for r in &mut self.rows {
            for v in r.iter_mut() {
                let m = (v.unsigned_abs() as u32 * 2 * l + 127) / 254;
                *v = m as i8 * v.signum();
            }
        }
        for s in &mut self.scale {
            *s = (*s as f64 * 127.0 / l as f64) as f32;
        }
    }

    /// Add the rows of `feats` to `sum` (summed as integers, scaled once; with AVX2 where the
    /// processor has it, as `scores`).
    pub fn accumulate(&self, feats: &[u32], sum: &mut Sum) {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the processor has AVX2, checked just above.
            return unsafe { self.accumulate_avx2(feats, sum) };
        }
        self.accumulate_portable(feats, sum)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn accumulate_avx2(&self, feats: &[u32], sum: &mut Sum) {
        self.accumulate_portable(feats, sum)
    }

    /// The rows' integers are summed in 16 bits, a row in one 128-bit register (WebAssembly
    /// widened each row to 32 bits four bytes at a time), and carried into 32 bits every
    /// `I16_ROWS` rows: 256 rows of at most 128 in size stay within i16, so the sum is exact.
    #[inline(always)]
    fn accumulate_portable(&self, feats: &[u32], sum: &mut Sum) {
        const I16_ROWS: usize = 256;
        let mut acc = [0i32; D];
        for chunk in feats.chunks(I16_ROWS) {
            let mut part = [0i16; D];
            for f in chunk {
                add_row(&mut part, &self.rows[Net::bucket(*f, self.rows.len())]);
            }
            for d in 0..D {
                acc[d] += part[d] as i32;
            }
        }
        for d in 0..D {
            sum[d] += acc[d] as f32 * self.scale[d];
        }
    }

    /// Tag scores of each token of a window, from their sums (the recurrent runs, then the
    /// layers). On an x86-64 processor with AVX2 the same code is compiled for it (eight lanes
    /// instead of four) and chosen at run time; it adds and multiplies lane by lane in the same
    /// order, so the scores are the same to the bit (a test checks).
    pub fn scores(&self, sums: &[Sum]) -> Vec<Row> {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the processor has AVX2, checked just above.
            return unsafe { self.scores_avx2(sums) };
        }
        self.scores_portable(sums)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn scores_avx2(&self, sums: &[Sum]) -> Vec<Row> {
        self.scores_portable(sums)
    }

    #[inline(always)]
    fn scores_portable(&self, sums: &[Sum]) -> Vec<Row> {
        self.scores_with::<WIDE>(sums)
    }

    /// `Layers::states` of `Layers::runs` without keeping each step for a gradient, then
    /// `Layers::inputs` and `forward`; plain loops, since a closure inside would be compiled
    /// without the caller's AVX2. Each gate's input sums come first for the whole window (no
    /// token waits for the one before), then the recurrent runs: both directions in one loop and
    /// tokens two at a time when `SIDE_BY_SIDE`, one after the other otherwise.
    #[inline(always)]
    fn scores_with<const SIDE_BY_SIDE: bool>(&self, sums: &[Sum]) -> Vec<Row> {
        let n = sums.len();
        let [g0, g1] = &self.layers.gru;
        let mut ins = Vec::with_capacity(n);
        for x in sums {
            ins.push([g0.input_sums(x), g1.input_sums(x)]);
        }
        let mut states = vec![[[0f32; R]; 2]; n];
        let (mut fwd, mut bwd) = ([0f32; R], [0f32; R]);
        if SIDE_BY_SIDE {
            for i in 0..n {
                fwd = g0.recurrent(ins[i][FORWARD], fwd).h;
                states[i][FORWARD] = fwd;
                bwd = g1.recurrent(ins[n - 1 - i][BACKWARD], bwd).h;
                states[n - 1 - i][BACKWARD] = bwd;
            }
        } else {
            for i in 0..n {
                fwd = g0.recurrent(ins[i][FORWARD], fwd).h;
                states[i][FORWARD] = fwd;
            }
            for i in (0..n).rev() {
                bwd = g1.recurrent(ins[i][BACKWARD], bwd).h;
                states[i][BACKWARD] = bwd;
            }
        }
        let xs = Layers::inputs(sums, &states);
        let mut out = Vec::with_capacity(n);
        let alone = if SIDE_BY_SIDE {
            let mut pairs = xs.chunks_exact(2);
            for p in &mut pairs {
                for (_, o) in self.layers.forward_many([&p[0], &p[1]]) {
                    out.push(o);
                }
            }
            pairs.remainder()
        } else {
            &xs[..]
        };
        for x in alone {
            out.push(self.layers.forward(x).1);
        }
        out
    }

    /// Magic, number of rows, the layers' weights and the scales (f32), then the rows (D i8
    /// each).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend((self.rows.len() as u32).to_le_bytes());
        let mut layers = self.layers.clone();
        for v in layers.flat_mut() {
            out.extend(v.to_le_bytes());
        }
        for v in self.scale {
            out.extend(v.to_le_bytes());
        }
        for r in &self.rows {
            out.extend(r.iter().map(|v| *v as u8));
        }
        out
    }

    pub fn from_bytes(b: &[u8]) -> Result<Net, ModelError> {
        let mut r = Reader::new(b, "reported-speech model");
        r.magic(MAGIC)?;
        let n = r.u32()? as usize;
        if n == 0 {
            return Err(r.error("no rows"));
        }
        let mut layers = Layers::zero();
        for v in layers.flat_mut() {
            *v = r.f32()?;
        }
        let mut scale = [0f32; D];
        for v in scale.iter_mut() {
            *v = r.f32()?;
        }
        let body = r.rest();
        if body.len() != n.saturating_mul(D) {
            return Err(r.error(&format!(
                "expected {} row bytes, found {}",
                n.saturating_mul(D),
                body.len()
            )));
        }
        let rows = body
            .chunks_exact(D)
            .map(|c| std::array::from_fn(|d| c[d] as i8))
            .collect();
        Ok(Net {
            rows,
            scale,
            layers,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_roundtrip_and_errors() {
        let mut layers = Layers::zero();
        layers.w1[0][2][3] = 0.5;
        layers.b1[3] = 0.25;
        layers.w2[3][5] = 2.0;
        layers.skip[0][1] = -1.0;
        layers.chain.trans[1][2] = 0.25;
        let mut rows = vec![[0f32; D]; 4];
        rows[1][0] = 1.0;
        rows[1][2] = 2.0;
        let net = Net::new(&rows, layers);
        let b = net.to_bytes();
        let back = Net::from_bytes(&b).unwrap();
        assert_eq!(back.to_bytes(), b);
        assert_eq!(back.layers.chain.trans[1][2], 0.25);
        // feature 2^30 falls in row 1 of 4: sum (1, 0, 2, ...), hidden 3 = 0.25 + 0.5 * 2
        assert_eq!(Net::bucket(1 << 30, 4), 1);
        assert_eq!(Net::bucket(u32::MAX, 4), 3);
        let mut sum = [0f32; D];
        back.accumulate(&[1 << 30], &mut sum);
        assert!((sum[0] - 1.0).abs() < 1e-2 && (sum[2] - 2.0).abs() < 1e-2);
        let s = back.scores(&[sum])[0];
        assert!(
            (s[5] - 2.5).abs() < 1e-2 && (s[1] + 1.0).abs() < 1e-2,
            "{s:?}"
        );
        assert!(Net::from_bytes(&b[..b.len() - 1]).is_err());
        assert!(Net::from_bytes(b"nope").is_err());
        assert!(Net::from_bytes(MAGIC).is_err());
    }

    #[test]
    fn coarser_rows_round_to_the_nearest_step_and_keep_their_size() {
        // each dimension has its own scale: the numbers of dimension 0, one a row
        let col = [127.0, -127.0, 4.0, 5.0, -60.0, 0.0]; // x 15 / 127: 15, -15, 0.47, 0.59, -7.09, 0
        let rows: Vec<Sum> = col
            .iter()
            .map(|v| std::array::from_fn(|d| if d == 0 { *v } else { 0.0 }))
            .collect();
        let mut net = Net::new(&rows, Layers::zero());
        net.coarsen(15);
        let got: Vec<i8> = net.rows.iter().map(|r| r[0]).collect();
        assert_eq!(got, [15, -15, 0, 1, -7, 0]);
        assert!(
            (net.scale[0] - 127.0 / 15.0).abs() < 1e-5,
            "{:?}",
            net.scale
        );
        let mut sum = [0f32; D];
        let id = |row: usize| ((row as u64 * (1 << 32)) / rows.len() as u64 + 1) as u32;
        assert_eq!(Net::bucket(id(4), rows.len()), 4);
        net.accumulate(&[id(4)], &mut sum);
        assert!((sum[0] + 59.27).abs() < 0.01, "{sum:?}");
        let before = net.to_bytes();
        net.coarsen(127);
        assert_eq!(net.to_bytes(), before);
    }

    /// The shipped net's rows are coarsened (`trainer::SHIPPED_LEVELS`), the accurate mode's
    /// other members' are not.
    #[test]
    fn the_shipped_net_is_stored_in_its_levels() {
        let most = |b: &[u8]| {
            Net::from_bytes(b)
                .unwrap()
                .rows
                .iter()
                .flatten()
                .map(|v| v.unsigned_abs())
                .max()
        };
        assert_eq!(
            most(super::super::EMBEDDED_MODEL),
            Some(super::super::trainer::SHIPPED_LEVELS)
        );
        #[cfg(not(target_arch = "wasm32"))]
        for b in super::super::EMBEDDED_MEMBERS {
            assert_eq!(most(b), Some(127));
        }
    }

    /// The 16-bit partial sums of `accumulate` never overflow: a thousand features on the
    /// largest rows, positive and negative, give the exact integer sums, scaled once.
    #[test]
    fn accumulate_sums_many_rows_exactly() {
        let mut rows = vec![[0f32; D]; 4];
        rows[1] = [1.0; D];
        rows[2] = [-1.0; D];
        let net = Net::new(&rows, Layers::zero());
        assert_eq!(net.rows[1], [127; D]);
        let (up, down) = (1u32 << 30, 1u32 << 31);
        assert_eq!((Net::bucket(up, 4), Net::bucket(down, 4)), (1, 2));
        for (n_up, n_down) in [(1000, 0), (0, 1000), (700, 300), (255, 1), (257, 0)] {
            let mut feats = vec![up; n_up];
            feats.extend(std::iter::repeat_n(down, n_down));
            let mut sum = [0f32; D];
            net.accumulate(&feats, &mut sum);
            let want = ((n_up as i32 - n_down as i32) * 127) as f32 * net.scale[0];
            assert_eq!(sum[0].to_bits(), want.to_bits(), "{n_up} up, {n_down} down");
        }
    }

    /// A probe: token `i`'s weight on each of its inputs, from `val`.
    fn probe(val: &dyn Fn(usize, usize, usize) -> f32, i: usize) -> Input {
        Input {
            sums: std::array::from_fn(|c| std::array::from_fn(|d| val(i, c + 1, d))),
            states: std::array::from_fn(|c| std::array::from_fn(|d| val(i, c + 4, d))),
        }
    }

    /// `sum of k * x` over every number of an input.
    fn linear(x: &Input, k: &Input) -> f64 {
        let sums = (0..C).flat_map(|c| (0..D).map(move |d| x.sums[c][d] * k.sums[c][d]));
        let states = (0..2).flat_map(|c| (0..R).map(move |d| x.states[c][d] * k.states[c][d]));
        sums.chain(states).map(f64::from).sum()
    }

    /// `context_backward` is the transpose of `context`: for a loss linear in the inputs
    /// (`sum of k * x`), each sum's gradient matches the finite difference.
    #[test]
    fn context_backward_is_the_gradient_of_context() {
        let n = 6;
        let val = |i: usize, c: usize, d: usize| ((i * 31 + c * 7 + d * 3) % 11) as f32 - 5.0;
        let sums: Vec<Sum> = (0..n)
            .map(|i| std::array::from_fn(|d| val(i, 0, d) / 4.0))
            .collect();
        let k: Vec<Input> = (0..n).map(|i| probe(&val, i)).collect();
        let loss = |s: &[Sum]| -> f32 {
            context(s)
                .iter()
                .zip(&k)
                .map(|(x, k)| linear(x, k) as f32)
                .sum()
        };
        let grad = context_backward(&k);
        for i in 0..n {
            for d in [0, 5, D - 1] {
                let mut s = sums.clone();
                s[i][d] += 1.0;
                let diff = loss(&s) - loss(&sums);
                assert!(
                    (diff - grad[i][d]).abs() < 1e-3,
                    "token {i}, dim {d}: {diff} vs {}",
                    grad[i][d]
                );
            }
        }
        // the first token has no left neighbour, the last no right one; no recurrent states
        assert_eq!(context(&sums)[2].states[FORWARD], [0.0; R]);
        let x = context(&sums);
        assert_eq!(x[0].sums[1], [0.0; D]);
        assert_eq!(x[n - 1].sums[2], [0.0; D]);
        assert_eq!(x[2].sums[1], sums[1]);
    }

    /// `context_backward` plus `runs_backward` is the gradient of the inputs, recurrent states
    /// included (`runs`, `states`, `inputs`): for a loss
    /// linear in every token's inputs, the gradients of the sums and of recurrent weights of
    /// both directions match central finite differences.
    #[test]
    fn runs_backward_is_the_gradient_of_the_states() {
        let n = 5;
        let val = |a: usize, b: usize, c: usize| ((a * 31 + b * 7 + c * 3) % 13) as f32 / 6.0 - 1.0;
        let mut layers = Layers::zero();
        for (k, gru) in layers.gru.iter_mut().enumerate() {
            for g in 0..3 {
                for d in 0..D {
                    gru.w[g][d] = std::array::from_fn(|j| 0.3 * val(k + g, d, j));
                }
                for i in 0..R {
                    gru.u[g][i] = std::array::from_fn(|j| 0.3 * val(k + g + 1, i + 2, j));
                }
                gru.b[g] = std::array::from_fn(|j| 0.2 * val(g, k, j));
            }
        }
        let sums: Vec<Sum> = (0..n)
            .map(|i| std::array::from_fn(|d| val(i, 9, d)))
            .collect();
        let k: Vec<Input> = (0..n).map(|i| probe(&val, i)).collect();
        let loss = |l: &Layers, s: &[Sum]| -> f64 {
            let x = Layers::inputs(s, &Layers::states(&l.runs(s)));
            x.iter().zip(&k).map(|(x, k)| linear(x, k)).sum()
        };
        let runs = layers.runs(&sums);
        let x = Layers::inputs(&sums, &Layers::states(&runs));
        assert_eq!(x[0].sums[0], sums[0]);
        assert!(x[n - 1].states[FORWARD].iter().any(|v| *v != 0.0));
        let mut g = Layers::zero();
        let mut grad = context_backward(&k);
        for (a, b) in grad
            .iter_mut()
            .zip(layers.runs_backward(&sums, &runs, &k, &mut g))
        {
            add_scaled(a, &b, 1.0);
        }
        let eps = 1e-2;
        let close = |fd: f64, an: f32, what: &str| {
            assert!(
                (fd - f64::from(an)).abs() < 2e-2 * (1.0 + fd.abs()),
                "{what}: finite difference {fd}, gradient {an}"
            );
        };
        for i in 0..n {
            for d in [0, 7, D - 1] {
                let (mut up, mut down) = (sums.clone(), sums.clone());
                up[i][d] += eps;
                down[i][d] -= eps;
                let fd = (loss(&layers, &up) - loss(&layers, &down)) / (2.0 * f64::from(eps));
                close(fd, grad[i][d], &format!("sum {i}, dim {d}"));
            }
        }
        // one weight of each matrix and bias, both directions, every gate
        fn weight(l: &mut Layers, dir: usize, gate: usize, kind: usize) -> &mut f32 {
            match kind {
                0 => &mut l.gru[dir].u[gate][3][5],
                1 => &mut l.gru[dir].w[gate][2][4],
                _ => &mut l.gru[dir].b[gate][1],
            }
        }
        for dir in 0..2 {
            for gate in 0..3 {
                for kind in 0..3 {
                    let (mut up, mut down) = (layers.clone(), layers.clone());
                    *weight(&mut up, dir, gate, kind) += eps;
                    *weight(&mut down, dir, gate, kind) -= eps;
                    let fd = (loss(&up, &sums) - loss(&down, &sums)) / (2.0 * f64::from(eps));
                    let an = *weight(&mut g, dir, gate, kind);
                    close(
                        fd,
                        an,
                        &format!("weight {kind}, direction {dir}, gate {gate}"),
                    );
                }
            }
        }
    }

    /// `exp` against the library's over its whole range, and at the clamps.
    #[test]
    fn exp_is_close_to_the_librarys() {
        let mut worst = 0f64;
        let mut x = -87.0f32;
        while x <= 88.0 {
            let want = f64::from(x).exp();
            worst = worst.max(((f64::from(exp(x)) - want) / want).abs());
            x += 0.0137;
        }
        assert!(worst < 1e-6, "relative error {worst}");
        assert_eq!(exp(0.0), 1.0);
        assert!(exp(-1000.0) > 0.0 && exp(-1000.0) < 1e-37);
        assert!(exp(1000.0).is_finite() && exp(1000.0) > 1e38);
        assert!((tanh(0.5) - 0.5f32.tanh()).abs() < 1e-6);
        assert!(tanh(50.0) == 1.0 && tanh(-50.0) == -1.0);
        assert!((sigmoid(-3.0) - 1.0 / (1.0 + 3f32.exp())).abs() < 1e-7);
    }

    /// The AVX2 build of `scores` gives the portable build's scores to the bit (on a processor
    /// without AVX2 there is nothing to compare), and so do the native and the WebAssembly
    /// orders of work (`scores_with`).
    #[test]
    fn scores_are_the_same_on_every_path() {
        let val =
            |a: usize, b: usize, c: usize| ((a * 37 + b * 11 + c * 5) % 17) as f32 / 8.0 - 1.0;
        let mut layers = Layers::zero();
        for (k, gru) in layers.gru.iter_mut().enumerate() {
            for g in 0..3 {
                gru.w[g] = std::array::from_fn(|d| std::array::from_fn(|j| 0.3 * val(k + g, d, j)));
                gru.u[g] = std::array::from_fn(|i| std::array::from_fn(|j| 0.3 * val(k, g + i, j)));
            }
        }
        layers.w1 = std::array::from_fn(|c| {
            std::array::from_fn(|d| std::array::from_fn(|j| 0.2 * val(c, d, j)))
        });
        layers.ws = std::array::from_fn(|c| {
            std::array::from_fn(|d| std::array::from_fn(|j| 0.2 * val(c + 3, d, j)))
        });
        layers.w2 = std::array::from_fn(|j| std::array::from_fn(|t| val(j, t, 1)));
        layers.skip = std::array::from_fn(|d| std::array::from_fn(|t| 0.37 * val(d, t, 3)));
        layers.b1 = std::array::from_fn(|j| 0.1 * val(j, 4, 4));
        let net = Net::new(&[[0.0; D]], layers);
        // an odd number of tokens: the last is scored alone, the others two at a time (values
        // that round, so that adding in another order would show)
        let sums: Vec<Sum> = (0..41)
            .map(|i| std::array::from_fn(|d| 0.713 * val(i, d, 2)))
            .collect();
        let portable = net.scores_portable(&sums);
        assert!(portable.iter().flatten().any(|v| *v != 0.0));
        let bits =
            |rows: &[Row]| -> Vec<u32> { rows.iter().flatten().map(|v| v.to_bits()).collect() };
        // the trainer's way: the recurrent runs kept step by step, then one token at a time
        let l = &net.layers;
        let xs = Layers::inputs(&sums, &Layers::states(&l.runs(&sums)));
        let one_by_one: Vec<Row> = xs.iter().map(|x| l.forward(x).1).collect();
        assert_eq!(bits(&one_by_one), bits(&portable));
        // the WebAssembly build's order of work, and the native one's
        assert_eq!(bits(&net.scores_with::<false>(&sums)), bits(&portable));
        assert_eq!(bits(&net.scores_with::<true>(&sums)), bits(&portable));
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: checked just above
            let fast = unsafe { net.scores_avx2(&sums) };
            assert_eq!(bits(&fast), bits(&portable));
        }
        assert_eq!(net.scores(&sums).len(), sums.len());
    }
}
