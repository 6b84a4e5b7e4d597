-- Members who left the leaderboards are few: ranks count everyone ahead straight from the points
-- indexes and subtract the hidden ones ahead, found through this small index.
create index member_hidden_idx on member (id) where hidden_from_leaderboard;
