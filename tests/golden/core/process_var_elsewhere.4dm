// A process variable that only another method assigns is known when this
// method is loaded, even though that method is loaded later (when called).
SetShared
ALERT(String(gSharedTotal))
