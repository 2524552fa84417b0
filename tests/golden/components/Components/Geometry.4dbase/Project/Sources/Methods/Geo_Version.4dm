//%attributes = {"shared":true}
// Shared with the host: the host calls it by name.
#DECLARE() : Text
return "Geometry 1.0 ("+Geo_Private+")"
