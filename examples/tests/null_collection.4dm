// A golden test of an error: its standard error must be null_collection.err.
var $list : Collection
$list.push(1)
