#DECLARE($path : Variant; $p : cs.Person)->$folder : 4D:C1709.Folder
