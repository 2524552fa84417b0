// JSON Validate: a schema of draft 4 (the default) and of draft 2020-12, each error's code,
// path and message, lines and offsets from JSON Parse(...; *), and the schemas refused.
var $person : Object:={type: "object"; required: ["name"; "age"]; additionalProperties: False}
$person.properties:={name: {type: "string"; minLength: 2}; age: {type: "integer"; minimum: 0; maximum: 130}; tags: {type: "array"; uniqueItems: True; items: {enum: ["red"; "blue"]}}}
var $result : Object:=JSON Validate({name: "Ada"; age: 36; tags: ["red"]}; $person)
ALERT(JSON Stringify($result))
// Several failures at once; no JSON Parse(...; *), so no line or offset.
$result:=JSON Validate({name: "A"; age: 200; tags: ["red"; "green"; "red"]; extra: 1}; $person)
ALERT(String($result.success)+" "+String($result.errors.length))
var $error : Object
For each ($error; $result.errors.orderBy("code asc, jsonPath asc"))
	ALERT(String($error.code)+" ["+$error.jsonPath+"] "+$error.message+" <"+$error.schemaPaths+"> "+String(Undefined($error.line)))
End for each
// The required property that is missing is reported on the object that lacks it.
ALERT(JSON Stringify(JSON Validate({name: "Bob"}; $person).errors))
// With JSON Parse(...; *), each error gives the line and offset of its property.
var $text : Text:="{\n  \"name\": \"Eve\",\n  \"age\": \"old\",\n  \"tags\": [\"blue\", \"pink\"]\n}"
For each ($error; JSON Validate(JSON Parse($text; *); $person).errors)
	ALERT($error.jsonPath+" line "+String($error.line)+" offset "+String($error.offset)+": "+$error.message)
End for each
// Draft 4 booleans for exclusive bounds; patterns, formats, oneOf, not, dependencies.
var $rules : Object:={properties: {n: {type: "number"; maximum: 10; exclusiveMaximum: True; multipleOf: 2}}}
$rules.properties.code:={type: "string"; pattern: "^[A-Z]{3}$"}
$rules.properties.mail:={type: "string"; format: "email"}
$rules.properties.pick:={oneOf: [{type: "number"}; {minimum: 0}]}
$rules.properties.nope:={not: {type: "string"}}
$rules.dependencies:={card: ["expiry"]}
For each ($error; JSON Validate({n: 10; code: "ab"; mail: "nowhere"; pick: 3; nope: "x"; card: "1234"}; $rules).errors.orderBy("code asc"))
	ALERT(String($error.code)+" ["+$error.jsonPath+"] "+$error.message)
End for each
// A collection is validated too.
ALERT(JSON Stringify(JSON Validate([1; 2; 3]; {type: "array"; maxItems: 2})))
// Draft 2020-12, named by $schema: const, prefixItems, dependentRequired.
var $modern : Object:={}
$modern["$schema"]:="https://json-schema.org/draft/2020-12/schema"
$modern.properties:={kind: {const: "card"}; pair: {prefixItems: [{type: "string"}; {type: "number"}]}}
$modern.dependentRequired:={card: ["expiry"]}
For each ($error; JSON Validate({kind: "cash"; pair: [1; 2]; card: "9"}; $modern).errors.orderBy("code asc"))
	ALERT(String($error.code)+" ["+$error.jsonPath+"] "+$error.message)
End for each
ALERT(String(JSON Validate({kind: "card"; pair: ["a"; 1]}; $modern).success))
// A schema that is not valid, or of another draft, is an error and gives no result.
var $none : Object:={untouched: True}
Try
	$none:=JSON Validate({}; {type: 12})
Catch
	ALERT("invalid schema: "+String(Last errors[0].errCode))
End try
Try
	$none:=JSON Validate({}; {$schema: "http://json-schema.org/draft-07/schema#"})
Catch
	ALERT("draft 7: "+String(Last errors[0].errCode)+" "+JSON Stringify($none))
End try
JSON Validate("text"; {})
