//! The one command table: every command fourd implements, one row each,
//! grouped by theme and sorted by name within a theme. A command that is not
//! here is "not supported by fourd".

use super::Theme::{DateAndTime, Language, Math, Messages, ObjectsLanguage, String as Str, Tools};
use super::{CommandSpec, cmd, date_time, language, math, messages, objects, string, tools};

/// Any number of arguments.
const MANY: u8 = u8::MAX;

pub static COMMANDS: &[CommandSpec] = &[
    // Language
    cmd(259, "Count parameters", (0, 0), Language, language::count_parameters),
    cmd(684, "Current method name", (0, 0), Language, language::current_method_name),
    cmd(215, "False", (0, 0), Language, language::false_),
    cmd(34, "Not", (1, 1), Language, language::not),
    cmd(1517, "Null", (0, 0), Language, language::null),
    cmd(214, "True", (0, 0), Language, language::true_),
    cmd(82, "Undefined", (1, 1), Language, language::undefined),
    cmd(1509, "Value type", (1, 1), Language, language::value_type),
    cmd(1537, "Bool", (1, 1), Language, language::bool),
    // Date and Time
    cmd(393, "Add to date", (4, 4), DateAndTime, date_time::add_to_date),
    cmd(33, "Current date", (0, 0), DateAndTime, date_time::current_date),
    cmd(178, "Current time", (0, 0), DateAndTime, date_time::current_time),
    cmd(102, "Date", (1, 1), DateAndTime, date_time::date),
    cmd(114, "Day number", (1, 1), DateAndTime, date_time::day_number),
    cmd(23, "Day of", (1, 1), DateAndTime, date_time::day_of),
    cmd(459, "Milliseconds", (0, 0), DateAndTime, date_time::milliseconds),
    cmd(24, "Month of", (1, 1), DateAndTime, date_time::month_of),
    cmd(458, "Tickcount", (0, 0), DateAndTime, date_time::tickcount),
    cmd(179, "Time", (1, 1), DateAndTime, date_time::time),
    cmd(180, "Time string", (1, 1), DateAndTime, date_time::time_string),
    cmd(1445, "Timestamp", (0, 0), DateAndTime, date_time::timestamp),
    cmd(25, "Year of", (1, 1), DateAndTime, date_time::year_of),
    // Math
    cmd(99, "Abs", (1, 1), Math, math::abs),
    cmd(20, "Arctan", (1, 1), Math, math::arctan),
    cmd(18, "Cos", (1, 1), Math, math::cos),
    cmd(9, "Dec", (1, 1), Math, math::dec),
    cmd(21, "Exp", (1, 1), Math, math::exp),
    cmd(8, "Int", (1, 1), Math, math::int),
    cmd(22, "Log", (1, 1), Math, math::log),
    cmd(98, "Mod", (2, 2), Math, math::mod_),
    cmd(100, "Random", (0, 0), Math, math::random),
    cmd(94, "Round", (2, 2), Math, math::round),
    cmd(17, "Sin", (1, 1), Math, math::sin),
    cmd(539, "Square root", (1, 1), Math, math::square_root),
    cmd(19, "Tan", (1, 1), Math, math::tan),
    cmd(95, "Trunc", (2, 2), Math, math::trunc),
    // Messages
    cmd(41, "ALERT", (1, 2), Messages, messages::alert),
    cmd(667, "LOG EVENT", (1, 3), Messages, messages::log_event),
    // Objects (Language), Collections and JSON
    cmd(1218, "JSON Parse", (1, 1), ObjectsLanguage, objects::json_parse),
    cmd(1217, "JSON Stringify", (1, 1), ObjectsLanguage, objects::json_stringify),
    cmd(1472, "New collection", (0, MANY), ObjectsLanguage, objects::new_collection),
    cmd(1471, "New object", (0, MANY), ObjectsLanguage, objects::new_object),
    cmd(1719, "OB Keys", (1, 1), ObjectsLanguage, objects::ob_keys),
    // String
    cmd(234, "Change string", (3, 3), Str, string::change_string),
    cmd(90, "Char", (1, 1), Str, string::char),
    cmd(91, "Character code", (1, 1), Str, string::character_code),
    cmd(232, "Delete string", (3, 3), Str, string::delete_string),
    cmd(231, "Insert string", (3, 3), Str, string::insert_string),
    cmd(16, "Length", (1, 1), Str, string::length),
    cmd(14, "Lowercase", (1, 1), Str, string::lowercase),
    cmd(1019, "Match regex", (2, 3), Str, string::match_regex),
    cmd(11, "Num", (1, 2), Str, string::num),
    cmd(15, "Position", (2, 3), Str, string::position),
    cmd(233, "Replace string", (3, 4), Str, string::replace_string),
    cmd(1554, "Split string", (2, 3), Str, string::split_string),
    cmd(10, "String", (1, 3), Str, string::string),
    cmd(12, "Substring", (2, 3), Str, string::substring),
    cmd(1853, "Trim", (1, 1), Str, string::trim),
    cmd(1855, "Trim end", (1, 1), Str, string::trim_end),
    cmd(1854, "Trim start", (1, 1), Str, string::trim_start),
    cmd(13, "Uppercase", (1, 1), Str, string::uppercase),
    // Tools
    cmd(1066, "Generate UUID", (0, 0), Tools, tools::generate_uuid),
];
