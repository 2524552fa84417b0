//! XLIFF localization, as 4D reads it from a project's `Resources/` folder:
//! the strings of the `<language>.lproj` folders (`Localized string`), the
//! current language (`Get database localization`, `SET DATABASE
//! LOCALIZATION`, `Localized document path`), and the constants that XLIFF
//! files declare (`datatype="x-4DK#"`), which code names like 4D's own.
//!
//! One [`Localization`] per run, shared by its processes: the language is the
//! run's, as `SET DATABASE LOCALIZATION` changes it for every process.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use parking_lot::Mutex;

use super::constants::ConstValue;
use super::{Args, Ctx};
use crate::runtime::error::{RuntimeError, codes};
use crate::runtime::value::Value;

/// The strings of one language: by `resname`, and by (group id, unit id).
#[derive(Default)]
struct Strings {
    by_resname: HashMap<String, String>,
    by_ids: HashMap<(String, String), String>,
}

/// The localization of one run.
pub struct Localization {
    resources: PathBuf,
    /// The `.lproj` folders: (language code, folder), in name order.
    languages: Vec<(String, PathBuf)>,
    /// The language 4D chooses when the run starts.
    default: String,
    /// The current language and its strings, read when first asked for.
    current: Mutex<(String, Option<Arc<Strings>>)>,
    /// The constants declared by XLIFF files, by normalised name.
    constants: std::sync::OnceLock<HashMap<String, ConstValue>>,
}

/// The language codes of the legacy `.lproj` folder names.
const LEGACY: &[(&str, &str)] = &[
    ("english", "en"),
    ("french", "fr"),
    ("german", "de"),
    ("spanish", "es"),
    ("italian", "it"),
    ("japanese", "ja"),
    ("dutch", "nl"),
    ("swedish", "sv"),
    ("portuguese", "pt"),
    ("chinese", "zh"),
    ("czech", "cs"),
    ("polish", "pl"),
];

/// The language code of a `.lproj` folder's name (`fr_ca` → `fr-ca`, `English` → `en`).
fn code_of_folder(stem: &str) -> String {
    let lower = stem.to_ascii_lowercase().replace('_', "-");
    LEGACY.iter().find(|(name, _)| *name == lower).map(|(_, code)| (*code).to_string()).unwrap_or(lower)
}

/// The user's language from the environment (`LC_ALL`, `LC_MESSAGES`,
/// `LANG`: `fr_FR.UTF-8` gives `fr-fr`); `None` for `C` and `POSIX`.
pub fn system_language() -> Option<String> {
    let value =
        ["LC_ALL", "LC_MESSAGES", "LANG"].iter().filter_map(|name| std::env::var(name).ok()).find(|v| !v.is_empty())?;
    let code = value.split(['.', '@']).next().unwrap_or("").to_ascii_lowercase().replace('_', "-");
    (!code.is_empty() && code != "c" && code != "posix").then_some(code)
}

/// The language 4D starts with: the system's if a folder has it (with its
/// region, then without), else English, else the first folder; without
/// folders, the system's language or English.
fn choose(languages: &[(String, PathBuf)], system: Option<&str>) -> String {
    let has = |code: &str| languages.iter().any(|(c, _)| c == code);
    if let Some(system) = system {
        if has(system) {
            return system.to_string();
        }
        let base = system.split('-').next().unwrap_or(system);
        if has(base) {
            return base.to_string();
        }
    }
    if has("en") || languages.is_empty() {
        return match (languages.is_empty(), system) {
            (true, Some(system)) => system.split('-').next().unwrap_or("en").to_string(),
            _ => String::from("en"),
        };
    }
    languages[0].0.clone()
}

impl Localization {
    /// The localization of the project in `project_folder` (its `Resources/`).
    pub fn new(project_folder: &Path) -> Localization {
        Localization::with_system(project_folder, system_language().as_deref())
    }

    fn with_system(project_folder: &Path, system: Option<&str>) -> Localization {
        let resources = project_folder.join("Resources");
        let mut languages: Vec<(String, PathBuf)> = std::fs::read_dir(&resources)
            .map(|entries| {
                entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.is_dir() && p.extension().is_some_and(|e| e.eq_ignore_ascii_case("lproj")))
                    .filter_map(|p| Some((code_of_folder(&p.file_stem()?.to_string_lossy()), p)))
                    .collect()
            })
            .unwrap_or_default();
        languages.sort();
        let default = choose(&languages, system);
        Localization {
            resources,
            languages,
            current: Mutex::new((default.clone(), None)),
            default,
            constants: std::sync::OnceLock::new(),
        }
    }

    /// The `.lproj` folder of a language (with its region, then without).
    fn folder_of(&self, code: &str) -> Option<&Path> {
        let base = code.split('-').next().unwrap_or(code);
        self.languages
            .iter()
            .find(|(c, _)| c == code)
            .or_else(|| self.languages.iter().find(|(c, _)| c == base))
            .map(|(_, p)| p.as_path())
    }

    /// The folders `Localized document path` looks in, in order, and the
    /// first that holds `relative`.
    fn document_path(&self, relative: &str) -> Option<PathBuf> {
        let current = self.current.lock().0.clone();
        let mut folders: Vec<&Path> = Vec::new();
        for code in [current.as_str(), self.default.as_str()] {
            let base = code.split('-').next().unwrap_or(code);
            for wanted in [code, base] {
                if let Some((_, folder)) = self.languages.iter().find(|(c, _)| c == wanted) {
                    folders.push(folder);
                }
            }
        }
        if let Some((_, first)) = self.languages.first() {
            folders.push(first);
        }
        folders.push(&self.resources);
        folders.into_iter().map(|folder| folder.join(relative)).find(|path| path.exists())
    }

    /// The strings of the current language, read once per language.
    fn strings(&self) -> Arc<Strings> {
        let mut current = self.current.lock();
        if let Some(strings) = &current.1 {
            return Arc::clone(strings);
        }
        let mut strings = Strings::default();
        // The language's folder first, then the files at the first level of
        // `Resources/`, which hold for every language.
        let mut files = self.folder_of(&current.0).map(xlf_files).unwrap_or_default();
        files.extend(xlf_files(&self.resources));
        for file in files {
            if let Ok(text) = std::fs::read_to_string(&file) {
                read_strings(&text, &mut strings);
            }
        }
        let strings = Arc::new(strings);
        current.1 = Some(Arc::clone(&strings));
        strings
    }

    /// The constants the XLIFF files of `Resources/` declare (first level and
    /// every `.lproj` folder; the first declaration of a name wins).
    pub fn constant(&self, normalized: &str) -> Option<ConstValue> {
        self.constants
            .get_or_init(|| {
                let mut constants = HashMap::new();
                let mut files = xlf_files(&self.resources);
                for (_, folder) in &self.languages {
                    files.extend(xlf_files(folder));
                }
                for file in files {
                    if let Ok(text) = std::fs::read_to_string(&file) {
                        read_constants(&text, &mut constants);
                    }
                }
                constants
            })
            .get(normalized)
            .copied()
    }
}

/// The `.xlf` files of a folder (not its subfolders), in name order.
fn xlf_files(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file() && p.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlf")))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// The text of an element's first child of that name.
fn child_text(node: roxmltree::Node<'_, '_>, name: &str) -> Option<String> {
    node.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
        .map(|c| c.descendants().filter(|d| d.is_text()).filter_map(|d| d.text()).collect())
}

/// Whether a file or group declares constants (`x-4DK#`).
fn is_constants(node: roxmltree::Node<'_, '_>) -> bool {
    node.attribute("datatype") == Some("x-4DK#") || node.attribute("restype") == Some("x-4DK#")
}

/// Adds the translation units of an XLIFF text to `strings`: the target, or
/// the source when there is none. The first unit of a name wins.
fn read_strings(text: &str, strings: &mut Strings) {
    let Ok(doc) = roxmltree::Document::parse(text) else { return };
    for unit in doc.descendants().filter(|n| n.is_element() && n.tag_name().name() == "trans-unit") {
        if unit.ancestors().any(is_constants) {
            continue;
        }
        let Some(value) = child_text(unit, "target").or_else(|| child_text(unit, "source")) else { continue };
        if let Some(resname) = unit.attribute("resname") {
            strings.by_resname.entry(resname.to_string()).or_insert_with(|| value.clone());
        }
        let group = unit.ancestors().find(|a| a.is_element() && a.tag_name().name() == "group");
        if let (Some(group_id), Some(id)) = (group.and_then(|g| g.attribute("id")), unit.attribute("id")) {
            strings.by_ids.entry((group_id.to_string(), id.to_string())).or_insert(value);
        }
    }
}

/// Adds the constants an XLIFF text declares: a unit's source is the name,
/// its `d4:value` the value, typed by its suffix (`:L` Longint, `:R` Real,
/// `:S` Text; none is a Text).
fn read_constants(text: &str, constants: &mut HashMap<String, ConstValue>) {
    let Ok(doc) = roxmltree::Document::parse(text) else { return };
    const D4: &str = "http://www.4d.com/d4-ns";
    for unit in doc.descendants().filter(|n| n.is_element() && n.tag_name().name() == "trans-unit") {
        if !unit.ancestors().any(is_constants) {
            continue;
        }
        let (Some(name), Some(raw)) = (child_text(unit, "source"), unit.attribute((D4, "value"))) else {
            continue;
        };
        let value = match raw.rsplit_once(':') {
            Some((number, "L" | "R")) => match number.trim().parse::<f64>() {
                Ok(n) => ConstValue::Number(n),
                Err(_) => continue,
            },
            Some((text, "S")) => ConstValue::Text(leak(text)),
            _ => ConstValue::Text(leak(raw)),
        };
        constants.entry(crate::names::normalize(name.trim())).or_insert(value);
    }
}

/// A constant's text, kept for the life of the program as 4D's own
/// constants are (a run reads a project's constants once).
fn leak(text: &str) -> &'static str {
    Box::leak(text.to_string().into_boxed_str())
}

/// `Localized string(resName)`: the string of the current language; "" and
/// `OK` 0 when no unit has that name (names are case-sensitive).
pub(crate) fn localized_string(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let name = args.text(0)?;
    let strings = ctx.host.localization().strings();
    let found = strings.by_resname.get(name).cloned();
    ctx.set_ok(found.is_some())?;
    Ok(Value::text(found.unwrap_or_default()))
}

/// `Get database localization({languageType}{; *})`.
pub(crate) fn get_database_localization(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let localization = ctx.host.localization();
    let kind = if args.is_empty() { 0.0 } else { args.number(0)? };
    let code = match kind as i64 {
        // Default localization.
        0 => localization.default.clone(),
        // Current localization.
        1 => localization.current.lock().0.clone(),
        // User system localization; Internal 4D localization (fourd sorts
        // and compares texts by the Unicode root collation: the user's
        // language is what stands for it).
        2 | 3 => system_language().unwrap_or_else(|| String::from("en")),
        _ => {
            return Err(RuntimeError::new(
                codes::BAD_ARGUMENTS,
                format!("{kind} is not a language type of Get database localization (0 to 3)"),
            ));
        }
    };
    Ok(Value::text(code))
}

/// `SET DATABASE LOCALIZATION(languageCode{; *})`: the run's current
/// language, for every process; `OK` 0 (and no change) when the project has
/// `.lproj` folders and none is for that language.
pub(crate) fn set_database_localization(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let code = args.text(0)?.trim().to_ascii_lowercase().replace('_', "-");
    let localization = ctx.host.localization();
    let known = !code.is_empty() && (localization.languages.is_empty() || localization.folder_of(&code).is_some());
    if known {
        *localization.current.lock() = (code, None);
    }
    ctx.set_ok(known)?;
    Ok(Value::Undefined)
}

/// `Localized document path(relativePath)`: the absolute path of the first
/// folder that holds the file, in 4D's documented order: the current
/// language, then without its region, the language chosen at start, then
/// without its region, the first `.lproj` folder, the first level of
/// `Resources/`; "" when none holds it. A `:` separates folders as `/` does.
pub(crate) fn localized_document_path(ctx: &mut Ctx<'_>, args: &Args<'_>) -> Result<Value, RuntimeError> {
    let relative = args.text(0)?.replace(':', "/");
    let relative = relative.trim_start_matches('/');
    let localization = ctx.host.localization();
    let found = if relative.is_empty() { None } else { localization.document_path(relative) };
    let found = found.map(|p| std::path::absolute(&p).unwrap_or(p));
    Ok(Value::text(found.map(|p| p.to_string_lossy().into_owned()).unwrap_or_default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folders(codes: &[&str]) -> Vec<(String, PathBuf)> {
        codes.iter().map(|c| (c.to_string(), PathBuf::from(format!("{c}.lproj")))).collect()
    }

    #[test]
    fn the_start_language_is_the_systems_then_english_then_the_first() {
        assert_eq!(choose(&folders(&["de", "en", "fr"]), Some("fr-ca")), "fr");
        assert_eq!(choose(&folders(&["de", "en", "fr-ca"]), Some("fr-ca")), "fr-ca");
        assert_eq!(choose(&folders(&["de", "en", "fr"]), Some("ja")), "en");
        assert_eq!(choose(&folders(&["de", "it"]), None), "de");
        assert_eq!(choose(&[], Some("es-es")), "es");
        assert_eq!(choose(&[], None), "en");
    }

    #[test]
    fn legacy_folder_names_are_language_codes() {
        assert_eq!(code_of_folder("English"), "en");
        assert_eq!(code_of_folder("fr_CA"), "fr-ca");
        assert_eq!(code_of_folder("ES"), "es");
    }

    #[test]
    fn constants_are_typed_by_their_suffix() {
        let text = r#"<xliff xmlns:d4="http://www.4d.com/d4-ns"><file datatype="x-4DK#"><body>
            <group d4:groupName="g" restype="x-4DK#">
              <trans-unit d4:value="12:L" id="1"><source>My Long</source></trans-unit>
              <trans-unit d4:value="1.5:R" id="2"><source>My Real</source></trans-unit>
              <trans-unit d4:value="a:b:S" id="3"><source>My Text</source></trans-unit>
              <trans-unit d4:value="plain" id="4"><source>My Plain</source></trans-unit>
            </group></body></file></xliff>"#;
        let mut constants = HashMap::new();
        read_constants(text, &mut constants);
        assert_eq!(constants.get("my long"), Some(&ConstValue::Number(12.0)));
        assert_eq!(constants.get("my real"), Some(&ConstValue::Number(1.5)));
        assert_eq!(constants.get("my text"), Some(&ConstValue::Text("a:b")));
        assert_eq!(constants.get("my plain"), Some(&ConstValue::Text("plain")));
    }
}
