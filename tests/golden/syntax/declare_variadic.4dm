#DECLARE($format : Text; ... : Real) : Text
return $format
