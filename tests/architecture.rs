//! The shape of the code, checked: imports run one way (a stage imports only earlier stages and
//! the shared modules, and an earlier stage only through its top level, not its files), the
//! modules form no cycle, and no source file is over 1,000 lines. The exceptions of today are
//! listed in `ALLOWED`, each with why; an entry that no longer matches an import fails the test,
//! so the list only shrinks. See ARCHITECTURE.md for what each module does.
//!
//! The check reads `crate::` paths (in `use` lines and inline, grouped `use crate::{...}` too) of
//! every file under src/ outside its `#[cfg(test)]` module (a test module in a file of its own is
//! named `tests.rs` and skipped); the CLI (src/bin/) is another crate and may use the whole
//! library.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The pipeline's stages, in order: each may import the ones before it.
const STAGES: &[&str] = &["entities", "quotes", "speakers", "reported", "actors"];

/// What every stage reads: tokens and offsets, word lists, the output types, the cue lexicon, the
/// linear model, the constrained Viterbi decoder, hashing, model-file reading, what several
/// stages read of a document (`syntax`: where entities and quotations sit, phrases), and the
/// outside knowledge (`knowledge`: gazetteers, countries). They import only each other.
const SHARED: &[&str] = &[
    "text",
    "lexicon",
    "analysis",
    "cues",
    "linear",
    "decode",
    "hash",
    "model_file",
    "syntax",
    "knowledge",
];

/// The layers around the stages, which may import anything: `lib.rs` (the crate root, the order
/// of the stages), the WebAssembly API, and the adversarial inputs the bench and the fuzzer use.
const LAYERS: &[&str] = &["root", "wasm", "adversarial"];

/// The imports that break the rules today: (file under src/, module path it imports, why).
const ALLOWED: &[(&str, &str, &str)] = &[
    // stages reaching into an earlier stage's files instead of its top level
    (
        "speakers/trainer.rs",
        "quotes::spans",
        "the ranker trains on quoted spans as found, before the classifier",
    ),
];

const MAX_LINES: usize = 1000;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(rust_files(&p));
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// The module a file under src/ belongs to: "root" for lib.rs, else its first path component.
fn module_of(rel: &str) -> String {
    if rel == "lib.rs" {
        return "root".to_string();
    }
    let first = rel.split('/').next().unwrap_or(rel);
    first.strip_suffix(".rs").unwrap_or(first).to_string()
}

/// The text of a file without comments and without its top-level `#[cfg(test)]` module (rustfmt
/// closes a top-level item with a `}` alone at the start of a line).
fn code_of(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = String::new();
    let mut in_tests = false;
    for (i, line) in lines.iter().enumerate() {
        // `mod tests;` (its file is skipped) holds nothing here; `mod tests {` runs to its `}`
        if line.starts_with("#[cfg(test)]")
            && lines
                .get(i + 1)
                .is_some_and(|l| l.starts_with("mod ") && !l.ends_with(';'))
        {
            in_tests = true;
        }
        if in_tests {
            if *line == "}" {
                in_tests = false;
            }
            continue;
        }
        let code = line.find("//").map_or(*line, |k| &line[..k]);
        out.push_str(code);
        out.push('\n');
    }
    out
}

/// The paths a use tree names, from `s` on (after `crate::`): "a::b", "{a::B, c::{D, E}}".
fn use_tree(s: &[u8], i: &mut usize, prefix: &str, out: &mut Vec<String>) {
    let skip_space = |i: &mut usize| {
        while *i < s.len() && s[*i].is_ascii_whitespace() {
            *i += 1;
        }
    };
    skip_space(i);
    if *i < s.len() && s[*i] == b'{' {
        *i += 1;
        loop {
            skip_space(i);
            if *i >= s.len() || s[*i] == b'}' {
                *i += 1;
                return;
            }
            use_tree(s, i, prefix, out);
            skip_space(i);
            if *i < s.len() && s[*i] == b',' {
                *i += 1;
            }
        }
    }
    let start = *i;
    while *i < s.len() && (s[*i].is_ascii_alphanumeric() || s[*i] == b'_' || s[*i] == b'*') {
        *i += 1;
    }
    let name = std::str::from_utf8(&s[start..*i]).unwrap_or("");
    let path = if prefix.is_empty() {
        name.to_string()
    } else {
        format!("{prefix}::{name}")
    };
    if s[*i..].starts_with(b"::") {
        *i += 2;
        use_tree(s, i, &path, out);
        return;
    }
    if !name.is_empty() {
        out.push(path);
    }
    // a rename ("NAME_TITLES as TITLES") names nothing more
    skip_space(i);
    if s[*i..].starts_with(b"as ") {
        *i += 3;
        skip_space(i);
        while *i < s.len() && (s[*i].is_ascii_alphanumeric() || s[*i] == b'_') {
            *i += 1;
        }
    }
}

/// Every `crate::` path in `code`.
fn crate_paths(code: &str) -> Vec<String> {
    let s = code.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(k) = code[from..].find("crate::") {
        let at = from + k;
        let ident_before = at > 0 && (s[at - 1].is_ascii_alphanumeric() || s[at - 1] == b'_');
        let mut i = at + "crate::".len();
        if !ident_before {
            use_tree(s, &mut i, "", &mut out);
        }
        from = i.max(at + 1);
    }
    out
}

/// Is `path` ("speakers::phrase::x") inside module path `prefix` ("speakers::phrase")?
fn within(path: &str, prefix: &str) -> bool {
    path == prefix || path.starts_with(&format!("{prefix}::"))
}

/// Is `name` a file or folder of module `module` under src/ (a submodule, not an item)?
fn is_submodule(src: &Path, module: &str, name: &str) -> bool {
    src.join(module).join(format!("{name}.rs")).is_file() || src.join(module).join(name).is_dir()
}

/// (file under src/, module it is in, path it imports) for every crate path of the library.
fn imports() -> Vec<(String, String, String)> {
    let src = root().join("src");
    let mut out = Vec::new();
    for p in rust_files(&src) {
        let rel = p
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        // the CLI is another crate; a `tests.rs` is a test module kept in a file of its own
        if rel.starts_with("bin/") || rel.ends_with("/tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&p).unwrap();
        for path in crate_paths(&code_of(&text)) {
            out.push((rel.clone(), module_of(&rel), path));
        }
    }
    out
}

/// The module a crate path leads to: its first component when that is a module, else "root"
/// (an item of lib.rs: `crate::Models`).
fn target_of(src: &Path, path: &str) -> String {
    let first = path.split("::").next().unwrap_or(path);
    if src.join(format!("{first}.rs")).is_file() || src.join(first).is_dir() {
        first.to_string()
    } else {
        "root".to_string()
    }
}

/// Why the import of `path` by module `from` breaks the rules, if it does.
fn violation(src: &Path, from: &str, path: &str) -> Option<String> {
    let to = target_of(src, path);
    if to == from || LAYERS.contains(&from) {
        return None;
    }
    let stage = |m: &str| STAGES.iter().position(|s| *s == m);
    if SHARED.contains(&from) {
        return (!SHARED.contains(&to.as_str()))
            .then(|| format!("the shared module {from} imports {to}, which is not shared"));
    }
    let Some(here) = stage(from) else {
        return Some(format!(
            "{from} is neither a stage, a shared module nor a layer: add it to STAGES, SHARED or LAYERS"
        ));
    };
    if SHARED.contains(&to.as_str()) {
        return None;
    }
    match stage(&to) {
        Some(there) if there < here => {
            let second = path.split("::").nth(1).unwrap_or("");
            is_submodule(src, &to, second).then(|| {
                format!("{from} reaches into {to}::{second}, a file of an earlier stage, not its top level")
            })
        }
        Some(_) => Some(format!("{from} imports {to}, a later stage")),
        None => Some(format!("{from} imports {to}, a layer")),
    }
}

#[test]
fn stages_import_only_earlier_stages_and_shared_modules() {
    let src = root().join("src");
    let mut used = vec![false; ALLOWED.len()];
    let mut bad = BTreeSet::new();
    for (file, from, path) in imports() {
        let Some(why) = violation(&src, &from, &path) else {
            continue;
        };
        match ALLOWED
            .iter()
            .position(|(f, p, _)| *f == file && within(&path, p))
        {
            Some(k) => used[k] = true,
            None => {
                bad.insert(format!("src/{file}: crate::{path}: {why}"));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "imports against the direction of the pipeline (import through the earlier stage's \
         top level or a shared module, or add the import to ALLOWED with why):\n{}",
        bad.into_iter().collect::<Vec<_>>().join("\n")
    );
    let stale: Vec<String> = ALLOWED
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|((f, p, _), _)| format!("{f} -> {p}"))
        .collect();
    assert!(
        stale.is_empty(),
        "allowed exceptions that no import needs any more: remove them from ALLOWED:\n{}",
        stale.join("\n")
    );
}

#[test]
fn modules_import_each_other_without_a_cycle() {
    let src = root().join("src");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (file, from, path) in imports() {
        let to = target_of(&src, &path);
        // a layer imports what it runs; the allowed exceptions are cycles known and listed
        let allowed = ALLOWED
            .iter()
            .any(|(f, p, _)| *f == file && within(&path, p));
        if to != from && !LAYERS.contains(&from.as_str()) && !allowed {
            graph.entry(from).or_default().insert(to);
        }
    }
    // depth-first search for a back edge
    fn visit(
        m: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match state.get(m) {
            Some(2) => return None,
            Some(1) => {
                let k = stack.iter().position(|s| s == m).unwrap_or(0);
                let mut cycle = stack[k..].to_vec();
                cycle.push(m.to_string());
                return Some(cycle);
            }
            _ => {}
        }
        state.insert(m.to_string(), 1);
        stack.push(m.to_string());
        for next in graph.get(m).into_iter().flatten() {
            if let Some(c) = visit(next, graph, state, stack) {
                return Some(c);
            }
        }
        stack.pop();
        state.insert(m.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for m in graph.keys() {
        if let Some(cycle) = visit(m, &graph, &mut state, &mut Vec::new()) {
            panic!(
                "modules import each other in a cycle: {}",
                cycle.join(" -> ")
            );
        }
    }
}

#[test]
fn no_source_file_is_over_1000_lines() {
    let root = root();
    let mut long = Vec::new();
    for dir in ["src", "tests", "examples", "python/src", "fuzz"] {
        for p in rust_files(&root.join(dir)) {
            let n = std::fs::read_to_string(&p).unwrap().lines().count();
            if n > MAX_LINES {
                long.push(format!(
                    "{} ({n} lines)",
                    p.strip_prefix(&root).unwrap().display()
                ));
            }
        }
    }
    assert!(
        long.is_empty(),
        "source files over {MAX_LINES} lines: split them by concept:\n{}",
        long.join("\n")
    );
}

#[test]
fn the_import_reader_reads_grouped_and_inline_paths() {
    let code = code_of(
        "use crate::{Models, text::{Span, normalise as norm}};\n\
         // use crate::commented::Out;\n\
         fn f() { crate::lexicon::PREPOSITIONS.len(); newslens_crate::x(); }\n\
         #[cfg(test)]\n\
         mod tests {\n    use crate::analyze_with;\n}\n",
    );
    assert_eq!(
        crate_paths(&code),
        [
            "Models",
            "text::Span",
            "text::normalise",
            "lexicon::PREPOSITIONS"
        ]
    );
    let src = root().join("src");
    assert_eq!(target_of(&src, "Models"), "root");
    assert_eq!(target_of(&src, "text::Span"), "text");
    assert!(violation(&src, "reported", "speakers::Choice").is_none());
    assert!(violation(&src, "reported", "speakers::phrase::x").is_some());
    assert!(violation(&src, "speakers", "reported::Found").is_some());
    assert!(violation(&src, "entities", "Models").is_some());
    assert!(violation(&src, "text", "entities::Entity").is_some());
    assert!(violation(&src, "root", "actors::build").is_none());
}
