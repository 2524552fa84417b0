//%attributes = {"shared":true}
// A formula made in the component runs in the component's context.
#DECLARE() : Object
return Formula(Geo_Private+" "+String(gCount))
