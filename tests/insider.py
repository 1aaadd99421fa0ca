"""What an insider holding the database file does: every trigger dropped, a statement run,
the triggers put back word for word (the file then looks as the program left it)."""


def as_insider(db, statement: str, params=()) -> None:
    triggers = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    for name, _ in triggers:
        db.execute(f"DROP TRIGGER {name}")
    try:
        db.execute(statement, list(params))
    finally:
        for _, sql in triggers:
            db.execute(sql)
