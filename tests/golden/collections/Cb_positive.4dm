// Callback helper for the collection_* cases: sets $1.result, returns nothing.
#DECLARE($item : Object)
$item.result:=(Value type($item.value)=Is real) && ($item.value>0)
