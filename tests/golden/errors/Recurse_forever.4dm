#DECLARE($n : Real)
recurse_forever($n+1)
