// A component method that is not shared is not known to the host.
var $t : Text
$t:=Geo_Private
