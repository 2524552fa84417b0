// Localized string reads the XLIFF files of the project's Resources folder,
// in the .lproj folder of the current language.
SET DATABASE LOCALIZATION("en")
LOG EVENT(Into system standard outputs; "language: "+Get database localization(Current localization)+"\n")
LOG EVENT(Into system standard outputs; Localized string("greeting")+" / "+Localized string("Quit")+"\n")

SET DATABASE LOCALIZATION("fr")
LOG EVENT(Into system standard outputs; "OK after fr: "+String(OK)+", language: "+Get database localization(Current localization)+"\n")
LOG EVENT(Into system standard outputs; Localized string("greeting")+" / "+Localized string("Quit")+"\n")
// A unit without a target gives its source.
LOG EVENT(Into system standard outputs; Localized string("untranslated")+"\n")
// A name the language does not have: "" and OK 0.
var $missing : Text
$missing:=Localized string("only english")
LOG EVENT(Into system standard outputs; "missing: ["+$missing+"] OK="+String(OK)+"\n")
// Names are case-sensitive.
$missing:=Localized string("quit")
LOG EVENT(Into system standard outputs; "quit: ["+$missing+"] OK="+String(OK)+"\n")

// A region has its own folder (fr_ca.lproj); the code uses a dash.
SET DATABASE LOCALIZATION("fr-ca")
LOG EVENT(Into system standard outputs; Get database localization(Current localization)+": "+Localized string("greeting")+"\n")

// A language without a folder: OK 0, the language stays.
SET DATABASE LOCALIZATION("ja")
LOG EVENT(Into system standard outputs; "OK after ja: "+String(OK)+", language: "+Get database localization(Current localization)+"\n")

// The document path in the current language's folder.
var $path : Text
$path:=Localized document path("app.xlf")
LOG EVENT(Into system standard outputs; Substring($path; Position("Resources"; $path))+"\n")
// Not in fr_ca.lproj: the language without its region (fr.lproj).
$path:=Localized document path("help.html")
LOG EVENT(Into system standard outputs; Substring($path; Position("Resources"; $path))+"\n")
// In no folder of fr: the language chosen at start, then the first folder (en.lproj).
$path:=Localized document path("only-en.txt")
LOG EVENT(Into system standard outputs; Substring($path; Position("Resources"; $path))+"\n")
// Last, the first level of Resources.
$path:=Localized document path("Shop Constants.xlf")
LOG EVENT(Into system standard outputs; Substring($path; Position("Resources"; $path))+"\n")
// Nowhere: "".
$path:=Localized document path("nowhere.txt")
LOG EVENT(Into system standard outputs; "nowhere: ["+$path+"]\n")

// The constants an XLIFF file of Resources declares are known by name.
LOG EVENT(Into system standard outputs; String(Shop max items)+" "+String(Shop tax rate)+" "+Shop currency+"\n")
LOG EVENT(Into system standard outputs; String(Value type(Shop max items))+" "+String(Value type(Shop currency))+"\n")
