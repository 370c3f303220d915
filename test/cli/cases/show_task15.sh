# Task 15: full text, lead and support agencies, two targets (5000 家, 200 项).
$DUCHA --db t.db init >/dev/null
$DUCHA --db t.db show 15
