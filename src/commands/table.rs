//! The one command table: every command fourd implements, one row each,
//! grouped by theme and sorted by name within a theme. A command that is not
//! here is "not supported by fourd".

use super::Theme::{
    Arrays, DateAndTime, Formulas, Interruptions, Language, Math, Messages, ObjectsLanguage, String as Str, Tools,
};
use super::{CommandSpec, arrays, cmd, date_time, errors, language, math, messages, objects, string, tools};

/// Any number of arguments.
const MANY: u8 = u8::MAX;

pub static COMMANDS: &[CommandSpec] = &[
    // Arrays
    cmd(911, "APPEND TO ARRAY", (2, 2), Arrays, arrays::append_to_array).refs(0b1),
    cmd(1222, "ARRAY BLOB", (2, 3), Arrays, arrays::array_blob).refs(0b1),
    cmd(223, "ARRAY BOOLEAN", (2, 3), Arrays, arrays::array_boolean).refs(0b1),
    cmd(224, "ARRAY DATE", (2, 3), Arrays, arrays::array_date).refs(0b1),
    cmd(220, "ARRAY INTEGER", (2, 3), Arrays, arrays::array_integer).refs(0b1),
    cmd(221, "ARRAY LONGINT", (2, 3), Arrays, arrays::array_longint).refs(0b1),
    cmd(1221, "ARRAY OBJECT", (2, 3), Arrays, arrays::array_object).refs(0b1),
    cmd(279, "ARRAY PICTURE", (2, 3), Arrays, arrays::array_picture).refs(0b1),
    cmd(280, "ARRAY POINTER", (2, 3), Arrays, arrays::array_pointer).refs(0b1),
    cmd(219, "ARRAY REAL", (2, 3), Arrays, arrays::array_real).refs(0b1),
    cmd(218, "ARRAY STRING", (3, 4), Arrays, arrays::array_string).refs(0b10),
    cmd(222, "ARRAY TEXT", (2, 3), Arrays, arrays::array_text).refs(0b1),
    cmd(1223, "ARRAY TIME", (2, 3), Arrays, arrays::array_time).refs(0b1),
    cmd(1563, "ARRAY TO COLLECTION", (2, MANY), Arrays, arrays::array_to_collection).refs(0b1010_1010),
    cmd(1562, "COLLECTION TO ARRAY", (2, MANY), Arrays, arrays::collection_to_array).refs(0b1010_1010),
    cmd(226, "COPY ARRAY", (2, 2), Arrays, arrays::copy_array).refs(0b11),
    cmd(907, "Count in array", (2, 2), Arrays, arrays::count_in_array).refs(0b1),
    cmd(228, "DELETE FROM ARRAY", (2, 3), Arrays, arrays::delete_from_array).refs(0b1),
    cmd(230, "Find in array", (2, 3), Arrays, arrays::find_in_array).refs(0b1),
    cmd(227, "INSERT IN ARRAY", (2, 3), Arrays, arrays::insert_in_array).refs(0b1),
    cmd(274, "Size of array", (1, 1), Arrays, arrays::size_of_array).refs(0b1),
    cmd(229, "SORT ARRAY", (1, MANY), Arrays, arrays::sort_array).refs(0xff),
    // Formulas
    cmd(1601, "Formula from string", (1, 2), Formulas, language::formula_from_string),
    // Interruptions
    cmd(1129, "ASSERT", (1, 2), Interruptions, errors::assert),
    cmd(1132, "Asserted", (1, 2), Interruptions, errors::asserted),
    cmd(1130, "Get assert enabled", (0, 0), Interruptions, errors::get_assert_enabled),
    cmd(1799, "Last errors", (0, 0), Interruptions, errors::last_errors),
    cmd(704, "Method called on error", (0, 1), Interruptions, errors::method_called_on_error),
    cmd(155, "ON ERR CALL", (1, 2), Interruptions, errors::on_err_call),
    cmd(1131, "SET ASSERT ENABLED", (1, 1), Interruptions, errors::set_assert_enabled),
    cmd(1805, "throw", (0, 2), Interruptions, errors::throw),
    // Language
    cmd(89, "CLEAR VARIABLE", (1, 1), Language, language::clear_variable).refs(0b1),
    cmd(1790, "Copy parameters", (0, 1), Language, language::copy_parameters),
    cmd(259, "Count parameters", (0, 0), Language, language::count_parameters),
    cmd(643, "Get database parameter", (1, 2), Language, language::get_database_parameter).refs(0b10),
    cmd(304, "Get pointer", (1, 1), Language, language::get_pointer),
    cmd(294, "Is a variable", (1, 1), Language, language::is_a_variable),
    cmd(315, "Is nil pointer", (1, 1), Language, language::is_nil_pointer),
    cmd(295, "Type", (1, 1), Language, language::type_).refs(0b1),
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
    cmd(24, "Month of", (1, 1), DateAndTime, date_time::month_of),
    cmd(179, "Time", (1, 1), DateAndTime, date_time::time),
    cmd(1445, "Timestamp", (0, 0), DateAndTime, date_time::timestamp),
    cmd(25, "Year of", (1, 1), DateAndTime, date_time::year_of),
    // Math
    cmd(99, "Abs", (1, 1), Math, math::abs),
    cmd(9, "Dec", (1, 1), Math, math::dec),
    cmd(21, "Exp", (1, 1), Math, math::exp),
    cmd(8, "Int", (1, 1), Math, math::int),
    cmd(22, "Log", (1, 1), Math, math::log),
    cmd(98, "Mod", (2, 2), Math, math::mod_),
    cmd(94, "Round", (2, 2), Math, math::round),
    cmd(539, "Square root", (1, 1), Math, math::square_root),
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
    cmd(90, "Char", (1, 1), Str, string::char),
    cmd(91, "Character code", (1, 1), Str, string::character_code),
    cmd(16, "Length", (1, 1), Str, string::length),
    cmd(14, "Lowercase", (1, 1), Str, string::lowercase),
    cmd(11, "Num", (1, 1), Str, string::num),
    cmd(15, "Position", (2, 3), Str, string::position),
    cmd(233, "Replace string", (3, 4), Str, string::replace_string),
    cmd(1554, "Split string", (2, 3), Str, string::split_string),
    cmd(10, "String", (1, 1), Str, string::string),
    cmd(12, "Substring", (2, 3), Str, string::substring),
    cmd(1853, "Trim", (1, 1), Str, string::trim),
    cmd(1855, "Trim end", (1, 1), Str, string::trim_end),
    cmd(1854, "Trim start", (1, 1), Str, string::trim_start),
    cmd(13, "Uppercase", (1, 1), Str, string::uppercase),
    // Tools
    cmd(1066, "Generate UUID", (0, 0), Tools, tools::generate_uuid),
];
