// SVG pictures stay SVG: their size comes from the root, transformations
// and combinations are written as SVG, and SVG EXPORT TO PICTURE makes one
// from an XML DOM tree.
var $s; $q; $r; $mask : Picture
var $b : Blob
$s:=Svg_picture("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\"><rect width=\"40\" height=\"20\" fill=\"red\"/></svg>")
ALERT("width and height: "+Size($s)+", Picture size = text length: "+String(Picture size($s)=Length("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\"><rect width=\"40\" height=\"20\" fill=\"red\"/></svg>")))
ALERT("viewBox: "+Size(Svg_picture("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 48\"/>")))
ALERT("width and viewBox: "+Size(Svg_picture("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"32\" viewBox=\"0 0 64 48\"/>"))+", units: "+Size(Svg_picture("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1in\" height=\"12pt\"/>")))
// Transformations keep it vectorial: written as .svg, it is still SVG.
$q:=$s*2
TRANSFORM PICTURE($q; Flip horizontally)
TRANSFORM PICTURE($q; Fade to grey scale)
TRANSFORM PICTURE($q; Crop; 10; 0; 60; 30)
ALERT("scaled, flipped, grey, cropped: "+Size($q))
PICTURE TO BLOB($q; $b; ".svg")
BLOB TO PICTURE($b; $r; ".svg")
ALERT("as .svg: OK="+String(OK)+", "+Size($r)+", starts "+Substring(BLOB to text($b; UTF8 text without length); 1; 4))
// Combined with a bitmap, the result is SVG that holds the bitmap.
$r:=$s+Red_blue
PICTURE TO BLOB($r; $b; ".svg")
ALERT("svg+png: "+Size($r)+", an SVG: "+String(OK=1)+", holds a PNG: "+String(Position("data:image/png;base64,"; BLOB to text($b; UTF8 text without length))>0))
ALERT("svg/svg: "+Size($s/$s)+", svg&png: "+Size($s & Red_blue))
// The same SVG is equal to itself; fourd draws no SVG, so other comparisons fail.
ALERT("equal to itself: "+String(Equal pictures($s; $s; $mask))+", mask "+Size($mask))
Try
	PICTURE TO BLOB($s; $b; ".png")
	ALERT("to .png: OK="+String(OK)+", BLOB size "+String(BLOB size($b)))
	WRITE PICTURE FILE("never.png"; $s)
Catch
	ALERT("WRITE PICTURE FILE of an SVG as .png: "+String(Last errors[0].errCode)+", OK="+String(OK))
End try
Try
	$q:=Svg_picture("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\"><circle r=\"5\"/></svg>")
	ALERT("compared: "+String(Equal pictures($s; $q; $mask)))
Catch
	ALERT("Equal pictures of two different SVG pictures: "+String(Last errors[0].errCode))
End try
Try
	CONVERT PICTURE($s; ".jpg")
Catch
	ALERT("CONVERT PICTURE of an SVG to .jpg: "+String(Last errors[0].errCode))
End try
// SVG EXPORT TO PICTURE: the tree as an SVG picture.
var $root; $ref : Text
$root:=DOM Create XML Ref("svg"; "http://www.w3.org/2000/svg")
DOM SET XML ATTRIBUTE($root; "width"; 120; "height"; 30)
$ref:=DOM Create XML element($root; "text"; "x"; 5; "y"; 20)
DOM SET XML ELEMENT VALUE($ref; "Hello")
SVG EXPORT TO PICTURE($root; $q)
ALERT("SVG EXPORT TO PICTURE: OK="+String(OK)+", "+Size($q))
PICTURE TO BLOB($q; $b; ".svg")
ALERT("its text holds the element: "+String(Position("<text x=\"5\" y=\"20\">Hello</text>"; BLOB to text($b; UTF8 text without length))>0))
SVG EXPORT TO PICTURE($root; $q; Get XML data source)
ALERT("Get XML data source: "+Size($q)+", the reference still works: "+String(DOM Get root XML element($root)#""))
SVG EXPORT TO PICTURE($root; $r; Own XML data source)
ALERT("Own XML data source: "+Size($r))
Try
	$ref:=DOM Get root XML element($root)
Catch
	ALERT("then the reference is closed: "+String(Last errors[0].errCode))
End try
// A tree that is no SVG.
$root:=DOM Create XML Ref("html")
Try
	SVG EXPORT TO PICTURE($root; $q)
Catch
	ALERT("no SVG: "+String(Last errors[0].errCode)+", OK="+String(OK))
End try
DOM CLOSE XML($root)
