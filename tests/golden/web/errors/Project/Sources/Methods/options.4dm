//%attributes = {"publishedWeb":true}
var $size : Integer
var $path; $name : Text
var $scalable : Integer
WEB GET OPTION(Web maximum requests size; $size)
WEB GET OPTION(Web session cookie path; $path)
WEB GET OPTION(Web session cookie name; $name)
WEB GET OPTION(Web scalable session; $scalable)
WEB SEND TEXT("size "+String($size)+", path "+$path+", name "+$name+", scalable "+String($scalable); "text/plain")
