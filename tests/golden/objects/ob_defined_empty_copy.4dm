// OB Is defined, OB Is empty, OB Copy.
var $none : Object
var $empty : Object:={}
var $full : Object:={color: "red"; size: Null}
ALERT(String(OB Is defined($none))+" "+String(OB Is defined($empty))+" "+String(OB Is defined($full)))
ALERT(String(OB Is empty($none))+" "+String(OB Is empty($empty))+" "+String(OB Is empty($full)))
ALERT(String(OB Is defined($full; "color"))+" "+String(OB Is defined($full; "Color"))+" "+String(OB Is defined($full; "size"))+" "+String(OB Is defined($none; "color")))
OB REMOVE($full; "color")
OB REMOVE($full; "size")
ALERT(String(OB Is defined($full))+" "+String(OB Is empty($full)))
// A deep copy shares nothing with the original.
var $doc : Object:={title: "Notes"; tags: ["a"; "b"]; meta: {pages: 3; when: !2024-02-29!}}
var $copy : Object:=OB Copy($doc)
$copy.tags.push("c")
$copy.meta.pages:=4
ALERT(JSON Stringify($doc))
ALERT(JSON Stringify($copy))
ALERT(String($copy=$doc)+" "+String($copy.meta=$doc.meta))
// ck resolve pointers and True are accepted: fourd has no pointers yet, so they change nothing.
ALERT(JSON Stringify(OB Copy($doc; True))+" "+JSON Stringify(OB Copy($doc; ck resolve pointers)))
ALERT(String(OB Copy(Null)=Null))
var $c : Collection:=[{v: 1}; [2]]
var $c2 : Collection:=$c.copy(ck resolve pointers)
$c2[0].v:=9
ALERT(JSON Stringify($c)+" "+JSON Stringify($c2))
