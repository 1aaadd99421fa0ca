"""Walking several cursors ordered by the same key side by side, one key at a time: how
``check`` compares years of rows without holding them in memory."""

from collections.abc import Iterable, Iterator


def grouped(rows: Iterable) -> Iterator[tuple[object, list[tuple]]]:
    """(key, the rest of each row with that key) from rows ordered by their first column; a
    missing key (NULL) comes as -1, which no document has."""
    current, group = None, []
    for key, *rest in rows:
        key = -1 if key is None else key
        if group and key != current:
            yield current, group
            group = []
        current = key
        group.append(tuple(rest))
    if group:
        yield current, group


def merged(*streams: Iterator[tuple[object, list]]) -> Iterator[tuple[object, list[list]]]:
    """For each key in any stream, in order: each stream's group for it ([] where none)."""
    heads = [next(stream, None) for stream in streams]
    while any(head is not None for head in heads):
        key = min(head[0] for head in heads if head is not None)
        groups = []
        for i, head in enumerate(heads):
            if head is not None and head[0] == key:
                groups.append(head[1])
                heads[i] = next(streams[i], None)
            else:
                groups.append([])
        yield key, groups
