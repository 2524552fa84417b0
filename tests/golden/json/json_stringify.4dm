// JSON Stringify of scalars: texts are quoted and escaped, dates are "YYYY-MM-DD", times are seconds.
ALERT(JSON Stringify("Bonjour"))
ALERT(JSON Stringify("say \"hi\"\\"+Char(10)+Char(1)))
ALERT(JSON Stringify(3.25)+" "+JSON Stringify(-17)+" "+JSON Stringify(1/3))
ALERT(JSON Stringify(True)+" "+JSON Stringify(Null))
ALERT(JSON Stringify(!2023-09-05!)+" "+JSON Stringify(!00-00-00!))
ALERT(JSON Stringify(?10:30:00?))
ALERT(JSON Stringify(["x"; !1999-12-31!; ?00:00:07?; 2; False]))
// With *, a tab per level and a space after each colon.
var $o : Object:={name: "Ada"; skills: ["math"; {level: 3}]; empty: {}; none: []}
ALERT(JSON Stringify($o; *))
ALERT(JSON Stringify([1; [2]]; *))
ALERT(JSON Stringify("text"; *)+" "+JSON Stringify({}; *))
// Numbers: the shortest digits that read back as the same real, with an
// exponent from 1e21 up and below 1e-6; -0 is 0.
ALERT(JSON Stringify([-0; 120; 0.1+0.2; 1e20; 1e21; -1e300; 0.000001; 1.5e-7]))
