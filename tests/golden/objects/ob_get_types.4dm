// OB Get with a type: conversions.
var $o : Object:={n: 12.75; neg: -3.5; txt: "7.5 kg"; yes: True; no: False; when: !2021-07-14!; iso: "2021-07-14T23:00:00.000Z"; secs: 5130; clock: "01:25:30"; obj: {k: 1}; list: [1]; nothing: Null}
ALERT(OB Get($o; "n"; Is text)+"|"+OB Get($o; "yes"; Is text)+"|"+OB Get($o; "when"; Is text)+"|"+OB Get($o; "obj"; Is text)+"|"+OB Get($o; "nothing"; Is text)+"|"+OB Get($o; "missing"; Is text)+"|")
ALERT(String(OB Get($o; "txt"; Is real))+" "+String(OB Get($o; "yes"; Is real))+" "+String(OB Get($o; "nothing"; Is real)))
ALERT(String(OB Get($o; "n"; Is longint))+" "+String(OB Get($o; "neg"; Is longint))+" "+String(Value type(OB Get($o; "n"; Is longint))))
ALERT(String(OB Get($o; "n"; Is Boolean))+" "+String(OB Get($o; "no"; Is Boolean))+" "+String(OB Get($o; "obj"; Is Boolean))+" "+String(OB Get($o; "missing"; Is Boolean)))
ALERT(String(OB Get($o; "when"; Is date))+" "+String(OB Get($o; "iso"; Is date))+" "+String(OB Get($o; "txt"; Is date)))
ALERT(String(OB Get($o; "secs"; Is time))+" "+String(OB Get($o; "clock"; Is time))+" "+String(OB Get($o; "missing"; Is time)))
ALERT(JSON Stringify(OB Get($o; "obj"; Is object))+" "+String(OB Get($o; "list"; Is object)=Null)+" "+JSON Stringify(OB Get($o; "list"; Is collection))+" "+String(OB Get($o; "n"; Is collection)=Null))
ALERT(String(Value type(OB Get($o; "n"; Is null))))
