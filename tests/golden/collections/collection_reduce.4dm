// .reduce() and .reduceRight(): an accumulator through the elements.
var $c : Collection:=[5; 3; 5; 1; 3; 4; 4; 6; 2; 2]
ALERT("product, method: "+String($c.reduce("cb_product"; 1)))
ALERT("product right, method: "+String($c.reduceRight("cb_product"; 1)))
// A formula's returned value becomes the accumulator.
ALERT("sum: "+String($c.reduce(Formula($1.accumulator+$1.value); 0)))
ALERT("text left: "+["a"; "b"; "c"].reduce(Formula($1.accumulator+$1.value); ">"))
ALERT("text right: "+["a"; "b"; "c"].reduceRight(Formula($1.accumulator+$1.value); ">"))
ALERT("with extra parameters: "+String([1; 2; 3].reduce(Formula($1.accumulator+($1.value*$2)+$3); 0; 10; 1)))
// Without an initial value the accumulator starts undefined.
ALERT("flatten: "+JSON Stringify([[0; 1]; [2; 3]; [4; 5]; [6; 7]].reduce(Formula(cb_flatten))))
ALERT("flatten right: "+JSON Stringify([[0; 1]; [2; 3]; [4; 5]; [6; 7]].reduceRight("cb_flatten")))
ALERT("first accumulator: "+String([7; 8].reduce(Formula(Undefined($1.accumulator) ? "was undefined" : $1.accumulator))))
// $1.stop ends the reduction with the accumulator as it is.
ALERT("product stopped above 50: "+String($c.reduce("cb_product"; 1; 50)))
ALERT("product right stopped above 50: "+String($c.reduceRight("cb_product"; 1; 50)))
// An empty collection gives back the initial value (undefined without one).
var $empty : Collection:=[]
ALERT("empty: "+String($empty.reduce("cb_product"; 42))+" "+String(Undefined($empty.reduceRight("cb_product"))))
// Objects in the accumulator are shared with the callback.
var $counts : Object:=["a"; "b"; "a"; "c"; "a"].reduce(Formula(cb_tally); {})
ALERT("tally: "+JSON Stringify($counts))
