// A class listed by method_paths.
property total : Real
