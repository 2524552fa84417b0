// A component cannot run a host method that the host does not share.
var $t : Text
$t:=Geo_Run("Host_Private")
