class extends Base
PROPERTY count : integer

CLASS CONSTRUCTOR($n : integer)
	super($n)

function get value() : real
	return this.count

FUNCTION set value($v : real)
	this.count:=$v

Shared function run
