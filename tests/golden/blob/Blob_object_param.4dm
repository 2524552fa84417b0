#DECLARE($blob : 4D.Blob)
ALERT("parameter: "+String(OB Instance of($blob; 4D.Blob))+" "+String($blob.size))
