ALERT("nothing runs: names are resolved first")
ALRET("typo")
