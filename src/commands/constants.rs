//! 4D's constants: name, token (theme and index, as saved in `Name:K8:3`) and value.
//! The token numbers are not the value (`Is text:K8:3` is 2).

use std::collections::HashMap;
use std::sync::LazyLock;

/// A constant's value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ConstValue {
    Number(f64),
    Text(&'static str),
}

/// One constant.
#[derive(Debug)]
pub struct ConstantSpec {
    pub name: &'static str,
    /// `(theme, index)` of the token, when known from saved code.
    pub token: Option<(u32, u32)>,
    pub value: ConstValue,
}

const fn num(name: &'static str, token: Option<(u32, u32)>, value: f64) -> ConstantSpec {
    ConstantSpec { name, token, value: ConstValue::Number(value) }
}

const fn text(name: &'static str, token: Option<(u32, u32)>, value: &'static str) -> ConstantSpec {
    ConstantSpec { name, token, value: ConstValue::Text(value) }
}

pub static CONSTANTS: &[ConstantSpec] = &[
    // Web Server options (the selectors of WEB SET OPTION)
    num("Web port ID", None, 15.0),
    num("Web IP address to listen", None, 16.0),
    num("Web character set", None, 17.0),
    num("Web max concurrent processes", None, 18.0),
    num("Web maximum requests size", None, 27.0),
    num("Web log recording", None, 29.0),
    num("Web HTTPS port ID", None, 39.0),
    num("Web inactive session timeout", None, 72.0),
    num("Web session cookie name", None, 73.0),
    num("Web inactive process timeout", None, 78.0),
    num("Web session cookie domain", None, 81.0),
    num("Web session cookie path", None, 82.0),
    num("Web session enable IP address validation", None, 83.0),
    num("Web HTTP enabled", None, 88.0),
    num("Web HTTPS enabled", None, 89.0),
    num("Web scalable session", None, 90.0),
    // HTTP Client (the selectors of HTTP SET OPTION, the methods of HTTP AUTHENTICATE)
    num("HTTP timeout", None, 1.0),
    num("HTTP follow redirect", None, 2.0),
    num("HTTP max redirect", None, 3.0),
    num("HTTP display auth dial", None, 4.0),
    num("HTTP reset auth settings", None, 5.0),
    num("HTTP compression", None, 6.0),
    num("HTTP client log", Some((71, 16)), 7.0),
    num("HTTP basic", None, 1.0),
    num("HTTP digest", None, 2.0),
    // Date Display Formats (theme 1)
    num("System date short", Some((1, 1)), 1.0),
    num("System date abbreviated", Some((1, 2)), 2.0),
    num("System date long", Some((1, 3)), 3.0),
    num("Internal date short special", Some((1, 4)), 4.0),
    num("Internal date long", Some((1, 5)), 5.0),
    num("Internal date abbreviated", Some((1, 6)), 6.0),
    num("Internal date short", Some((1, 7)), 7.0),
    num("ISO Date", Some((1, 8)), 8.0),
    num("ISO Date GMT", Some((1, 10)), 9.0),
    num("Date RFC 1123", Some((1, 11)), 10.0),
    num("Blank if null date", None, 100.0),
    // Time Display Formats (theme 7)
    num("HH MM SS", Some((7, 1)), 1.0),
    num("HH MM", Some((7, 2)), 2.0),
    num("Hour min sec", Some((7, 3)), 3.0),
    num("Hour min", Some((7, 4)), 4.0),
    num("HH MM AM PM", Some((7, 5)), 5.0),
    num("MM SS", Some((7, 6)), 6.0),
    num("Min sec", Some((7, 7)), 7.0),
    num("ISO time", Some((7, 8)), 8.0),
    num("System time short", Some((7, 9)), 9.0),
    num("System time long abbreviated", Some((7, 10)), 10.0),
    num("System time long", Some((7, 11)), 11.0),
    num("Blank if null time", None, 100.0),
    // Field and Variable Types (theme 8)
    num("Is alpha field", Some((8, 1)), 0.0),
    num("Is real", Some((8, 4)), 1.0),
    num("Is text", Some((8, 3)), 2.0),
    num("Is picture", Some((8, 10)), 3.0),
    num("Is date", Some((8, 7)), 4.0),
    num("Is undefined", Some((8, 13)), 5.0),
    num("Is Boolean", Some((8, 9)), 6.0),
    num("Is integer", Some((8, 5)), 8.0),
    num("Is integer 64 bits", Some((8, 25)), 25.0),
    num("Is string var", Some((8, 2)), 24.0),
    num("Array 2D", Some((8, 24)), 13.0),
    num("Is longint", Some((8, 6)), 9.0),
    num("Is time", Some((8, 8)), 11.0),
    num("Is variant", Some((8, 33)), 12.0),
    num("Is pointer", Some((8, 14)), 23.0),
    num("Is BLOB", Some((8, 12)), 30.0),
    num("Is object", Some((8, 27)), 38.0),
    num("Is collection", Some((8, 32)), 42.0),
    num("Is null", Some((8, 31)), 255.0),
    // Characters (theme 15)
    num("Tab", Some((15, 37)), 9.0),
    num("Carriage return", Some((15, 38)), 13.0),
    num("Escape", Some((15, 39)), 27.0),
    num("Line feed", Some((15, 40)), 10.0),
    num("Space", Some((15, 42)), 32.0),
    num("At sign", Some((15, 46)), 64.0),
    // Math (theme 30) and limits (theme 35)
    num("Pi", Some((30, 1)), std::f64::consts::PI),
    num("Degree", Some((30, 2)), std::f64::consts::PI / 180.0),
    num("Radian", Some((30, 3)), 180.0 / std::f64::consts::PI),
    num("e number", Some((30, 4)), std::f64::consts::E),
    num("MAXLONG", Some((35, 2)), 2_147_483_647.0),
    // Log events (theme 38)
    num("Information message", Some((38, 1)), 0.0),
    num("Warning message", Some((38, 2)), 1.0),
    num("Error message", Some((38, 3)), 2.0),
    num("Into 4D debug message", Some((38, 5)), 1.0),
    num("Into 4D commands log", Some((38, 7)), 3.0),
    num("Into 4D diagnostic log", Some((38, 8)), 5.0),
    num("Into system standard outputs", Some((38, 9)), 6.0),
    num("Into Windows log events", None, 0.0),
    num("Into 4D request log", None, 2.0),
    // Collections (theme 85)
    num("ck ascending", Some((85, 9)), 0.0),
    num("ck count values", Some((85, 37)), 32.0),
    num("ck descending", Some((85, 8)), 1.0),
    num("ck diacritical", Some((85, 3)), 8.0),
    num("ck ignore null or empty", Some((85, 5)), 1.0),
    num("ck keep null", Some((85, 1)), 1.0),
    num("ck resolve pointers", Some((85, 26)), 1.0),
    num("ck shared", Some((85, 29)), 2.0),
    // Strings (theme 86)
    num("sk ignore empty strings", Some((86, 1)), 1.0),
    num("sk trim spaces", Some((86, 2)), 2.0),
    // Array types (theme 8), for `Type`
    num("Real array", Some((8, 17)), 14.0),
    num("Integer array", Some((8, 18)), 15.0),
    num("LongInt array", Some((8, 19)), 16.0),
    num("Date array", Some((8, 20)), 17.0),
    num("Text array", Some((8, 16)), 18.0),
    num("Picture array", Some((8, 22)), 19.0),
    num("Pointer array", Some((8, 23)), 20.0),
    num("String array", Some((8, 15)), 21.0),
    num("Boolean array", Some((8, 21)), 22.0),
    num("Blob array", Some((8, 30)), 31.0),
    num("Time array", Some((8, 29)), 32.0),
    num("Object array", Some((8, 28)), 39.0),
    // BLOB (theme 22): byte orders, real formats, text formats
    num("Native byte ordering", Some((22, 1)), 0.0),
    num("Macintosh byte ordering", Some((22, 2)), 1.0),
    num("PC byte ordering", Some((22, 3)), 2.0),
    num("Native real format", Some((22, 4)), 0.0),
    num("Extended real format", None, 1.0),
    num("Macintosh double real format", None, 2.0),
    num("PC double real format", None, 3.0),
    num("Mac C string", Some((22, 7)), 0.0),
    num("Mac Pascal string", Some((22, 8)), 1.0),
    num("Mac text with length", Some((22, 9)), 2.0),
    num("Mac text without length", Some((22, 10)), 3.0),
    num("UTF8 C string", Some((22, 15)), 4.0),
    num("UTF8 text with length", Some((22, 16)), 5.0),
    num("UTF8 text without length", Some((22, 17)), 6.0),
    // Digest Type (theme 66)
    num("MD5 digest", Some((66, 1)), 0.0),
    num("SHA1 digest", Some((66, 2)), 1.0),
    num("SHA256 digest", Some((66, 4)), 3.0),
    num("SHA512 digest", Some((66, 5)), 4.0),
    // Error handler scopes (theme 92)
    num("ek local", Some((92, 1)), 0.0),
    num("ek global", Some((92, 2)), 1.0),
    num("ek errors from components", Some((92, 3)), 2.0),
    // Database parameters (theme 37)
    num("Dates inside objects", Some((37, 73)), 85.0),
    num("String type without time zone", Some((37, 86)), 0.0),
    num("String type with time zone", Some((37, 87)), 1.0),
    num("Date type", Some((37, 88)), 2.0),
    num("Times inside objects", Some((37, 90)), 109.0),
    num("Times in seconds", None, 0.0),
    num("Times in milliseconds", None, 1.0),
    num("User param value", Some((37, 94)), 108.0),
    num("Is current database a project", Some((37, 98)), 112.0),
    num("Is host database a project", Some((37, 99)), 113.0),
    // Application type
    num("4D Local mode", None, 0.0),
    num("4D Volume desktop", None, 1.0),
    num("4D Desktop", None, 3.0),
    num("4D Remote mode", None, 4.0),
    num("4D Server", None, 5.0),
    num("tool4d", None, 6.0),
    // System format
    num("Decimal separator", None, 0.0),
    num("Thousand separator", None, 1.0),
    num("Currency symbol", None, 2.0),
    num("System time short pattern", None, 3.0),
    num("System time medium pattern", None, 4.0),
    num("System time long pattern", None, 5.0),
    num("System date short pattern", None, 6.0),
    num("System date medium pattern", None, 7.0),
    num("System date long pattern", None, 8.0),
    num("Date separator", None, 13.0),
    num("Time separator", None, 14.0),
    num("Short date day position", None, 15.0),
    num("Short date month position", None, 16.0),
    num("Short date year position", None, 17.0),
    num("System time AM label", None, 18.0),
    num("System time PM label", None, 19.0),
    // Process state
    num("Does not exist", None, -100.0),
    num("Aborted", None, -1.0),
    num("Executing", None, 0.0),
    num("Delayed", None, 1.0),
    num("Waiting for user event", None, 2.0),
    num("Waiting for input output", None, 3.0),
    num("Waiting for internal flag", None, 4.0),
    num("Paused", None, 5.0),
    // Process type: the origins of fourd's processes
    num("Main process", None, -1.0),
    num("Execute on server process", None, 1.0),
    num("Other user process", None, 4.0),
    num("Worker process", None, 5.0),
    // Process activity options (theme Processes)
    num("Processes and sessions", None, 0.0),
    num("Processes only", None, 1.0),
    num("Sessions only", None, 2.0),
    // System Documents (theme 24)
    num("Is a document", None, 1.0),
    num("Is a folder", None, 0.0),
    num("Read and Write", None, 0.0),
    num("Write Mode", None, 1.0),
    num("Read Mode", None, 2.0),
    num("Get Pathname", None, 3.0),
    num("Document unchanged", None, 0.0),
    num("Document with native format", None, 1.0),
    num("Document with CRLF", None, 2.0),
    num("Document with CR", None, 3.0),
    num("Document with LF", None, 4.0),
    num("Recursive parsing", None, 1.0),
    num("Absolute path", None, 2.0),
    num("Posix path", None, 4.0),
    num("Ignore invisible", None, 8.0),
    ConstantSpec {
        name: "Folder separator",
        token: None,
        value: ConstValue::Text(if cfg!(windows) { "\\" } else { "/" }),
    },
    // Design Object Access (METHOD GET PATHS, METHOD Get path)
    num("Path all objects", None, -1.0),
    num("Path class", None, 32.0),
    num("Path database method", None, 2.0),
    num("Path project form", None, 4.0),
    num("Path project method", None, 1.0),
    num("Path table form", None, 16.0),
    num("Path trigger", None, 8.0),
    num("Path is system", None, 0.0),
    num("Path is POSIX", None, 1.0),
    // 4D Environment: Get 4D folder
    num("Active 4D Folder", None, 0.0),
    num("Licenses folder", None, 1.0),
    num("4D Client database folder", None, 3.0),
    num("Database folder", None, 4.0),
    num("Database folder Unix syntax", None, 5.0),
    num("Current resources folder", Some((5, 16)), 6.0),
    num("Logs folder", None, 7.0),
    num("HTML Root folder", None, 8.0),
    num("Data folder", None, 9.0),
    num("MobileApps folder", None, 10.0),
    // System Folder
    num("System", None, 0.0),
    num("Fonts", None, 1.0),
    num("User preferences_all", None, 2.0),
    num("User preferences_user", None, 3.0),
    num("Startup Win_all", None, 4.0),
    num("Startup Win_user", None, 5.0),
    num("Start menu Win_all", None, 8.0),
    num("Start menu Win_user", None, 9.0),
    num("System Win", None, 12.0),
    num("System32 Win", None, 13.0),
    num("Favorites Win", None, 14.0),
    num("Desktop", None, 15.0),
    num("Applications or program files", None, 16.0),
    num("Documents folder", None, 17.0),
    num("Home folder", None, 18.0),
    // File and Folder (theme 87)
    num("fk posix path", Some((87, 1)), 0.0),
    num("fk platform path", Some((87, 2)), 1.0),
    num("fk user preferences folder", None, 0.0),
    num("fk licenses folder", None, 1.0),
    num("fk remote database folder", None, 3.0),
    num("fk database folder", None, 4.0),
    num("fk resources folder", None, 6.0),
    num("fk logs folder", None, 7.0),
    num("fk web root folder", None, 8.0),
    num("fk data folder", None, 9.0),
    num("fk mobileApps folder", None, 10.0),
    num("fk system folder", None, 100.0),
    num("fk desktop folder", None, 115.0),
    num("fk applications folder", None, 116.0),
    num("fk documents folder", None, 117.0),
    num("fk home folder", None, 118.0),
    num("fk overwrite", None, 4.0),
    num("fk recursive", None, 1.0),
    num("fk ignore invisible", None, 8.0),
    num("Delete only if empty", None, 0.0),
    num("Delete with contents", None, 1.0),
    // XML (theme 45): the node types of DOM GET XML CHILD NODES and DOM
    // Append XML child node, the XML SET OPTIONS selectors (documented
    // values), and the values fourd acts on of indentation, string encoding
    // and case sensitivity.
    num("XML comment", Some((45, 8)), 2.0),
    num("XML processing instruction", None, 3.0),
    num("XML DATA", Some((45, 12)), 6.0),
    num("XML CDATA", Some((45, 13)), 7.0),
    num("XML DOCTYPE", None, 10.0),
    num("XML ELEMENT", Some((45, 20)), 11.0),
    num("XML string encoding", None, 1.0),
    num("XML date encoding", Some((45, 24)), 2.0),
    num("XML time encoding", None, 3.0),
    num("XML indentation", Some((45, 34)), 4.0),
    num("XML binary encoding", Some((45, 37)), 5.0),
    num("XML picture encoding", None, 6.0),
    num("XML external entity resolution", None, 7.0),
    num("XML DOM case sensitivity", None, 8.0),
    num("XML BOM", None, 9.0),
    num("XML line ending", None, 10.0),
    num("XML with indentation", Some((45, 35)), 1.0),
    num("XML no indentation", Some((45, 36)), 2.0),
    num("XML with escaping", None, 1.0),
    num("XML raw data", None, 2.0),
    // The modes of COMPRESS BLOB and BLOB PROPERTIES (documented).
    num("Is not compressed", Some((22, 11)), 0.0),
    // Days and Months: the day numbers of Day number (documented).
    num("Sunday", Some((10, 19)), 1.0),
    num("Monday", Some((10, 13)), 2.0),
    num("Tuesday", Some((10, 14)), 3.0),
    num("Wednesday", Some((10, 15)), 4.0),
    num("Thursday", Some((10, 16)), 5.0),
    num("Friday", Some((10, 17)), 6.0),
    num("Saturday", Some((10, 18)), 7.0),
    // Function Keys: character codes (documented).
    num("Double quote", Some((15, 41)), 34.0),
    num("Quote", Some((15, 44)), 39.0),
    // Text alignment (documented).
    num("Align default", Some((42, 1)), 1.0),
    num("Align left", Some((42, 2)), 2.0),
    num("Align center", Some((42, 3)), 3.0),
    num("Align right", Some((42, 4)), 4.0),
    // HTTP Client: the methods of HTTP Request (documented).
    text("HTTP GET method", Some((71, 1)), "GET"),
    text("HTTP POST method", Some((71, 2)), "POST"),
    text("HTTP HEAD method", Some((71, 3)), "HEAD"),
    text("HTTP TRACE method", Some((71, 4)), "TRACE"),
    text("HTTP DELETE method", Some((71, 5)), "DELETE"),
    text("HTTP PUT method", Some((71, 6)), "PUT"),
    text("HTTP OPTIONS method", Some((71, 7)), "OPTIONS"),
    num("Compact compression mode", None, 1.0),
    num("Fast compression mode", None, 2.0),
    num("GZIP best compression mode", Some((22, 18)), -1.0),
    num("GZIP fast compression mode", None, -2.0),
    num("XML case sensitive", None, 1.0),
    num("XML case insensitive", None, 2.0),
    // The exportType of SVG EXPORT TO PICTURE (documented).
    num("Get XML data source", Some((45, 16)), 0.0),
    num("Copy XML data source", Some((45, 17)), 1.0),
    num("Own XML data source", Some((45, 18)), 2.0),
    // Picture Transformation (theme 61): TRANSFORM PICTURE and COMBINE PICTURES (documented).
    num("Reset", Some((61, 1)), 0.0),
    num("Scale", Some((61, 2)), 1.0),
    num("Translate", Some((61, 3)), 2.0),
    num("Flip horizontally", Some((61, 4)), 3.0),
    num("Flip vertically", Some((61, 5)), 4.0),
    num("Fade to grey scale", Some((61, 6)), 101.0),
    num("Crop", Some((61, 7)), 100.0),
    num("Horizontal concatenation", Some((61, 8)), 1.0),
    num("Vertical concatenation", Some((61, 9)), 2.0),
    num("Superimposition", Some((61, 10)), 3.0),
    num("Transparency", Some((61, 11)), 102.0),
    // Picture Display Formats (theme 6): the modes of CREATE THUMBNAIL (documented).
    num("Scaled to fit", Some((6, 2)), 2.0),
    num("Scaled to fit proportional", Some((6, 5)), 5.0),
    num("Scaled to fit prop centered", Some((6, 6)), 6.0),
    // The language types of Get database localization (documented).
    num("Default localization", Some((5, 21)), 0.0),
    num("Current localization", Some((5, 22)), 1.0),
    num("User system localization", Some((5, 23)), 2.0),
    num("Internal 4D localization", Some((5, 24)), 3.0),
    // What DOM Get XML information tells (documented).
    num("PUBLIC ID", None, 1.0),
    num("SYSTEM ID", None, 2.0),
    num("DOCTYPE Name", None, 3.0),
    num("Encoding", None, 4.0),
    num("Version", None, 5.0),
    num("Document URI", None, 6.0),
];

/// An index into [`CONSTANTS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConstantId(pub u16);

impl ConstantId {
    pub fn spec(self) -> &'static ConstantSpec {
        &CONSTANTS[self.0 as usize]
    }
}

struct Lookup {
    by_token: HashMap<(u32, u32), ConstantId>,
    by_name: HashMap<String, ConstantId>,
}

static LOOKUP: LazyLock<Lookup> = LazyLock::new(|| {
    let mut by_token = HashMap::new();
    let mut by_name = HashMap::new();
    for (index, spec) in CONSTANTS.iter().enumerate() {
        let id = ConstantId(u16::try_from(index).unwrap_or(u16::MAX));
        if let Some(token) = spec.token {
            by_token.insert(token, id);
        }
        by_name.insert(crate::names::normalize(spec.name), id);
    }
    Lookup { by_token, by_name }
});

pub fn by_token(theme: u32, index: u32) -> Option<ConstantId> {
    LOOKUP.by_token.get(&(theme, index)).copied()
}

pub fn by_name(normalized: &str) -> Option<ConstantId> {
    LOOKUP.by_name.get(normalized).copied()
}

/// The names (normalised) of every 4D constant known from its token, with or without a value.
static KNOWN: LazyLock<HashMap<String, (u32, u32)>> = LazyLock::new(|| {
    super::constant_catalog::CONSTANT_CATALOG
        .iter()
        .map(|&(theme, index, name)| (crate::names::normalize(name), (theme, index)))
        .collect()
});

/// Whether `normalized` names a 4D constant, whether fourd gives it a value or not.
pub fn is_known(normalized: &str) -> bool {
    KNOWN.contains_key(normalized)
}
