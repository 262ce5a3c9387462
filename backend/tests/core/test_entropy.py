"""Random bytes fetched a block at a time: each handed out once, never shared with a fork."""

import multiprocessing
import time
import uuid
from collections import Counter

from fosterhub.core import entropy
from fosterhub.core.codes import ALPHABET, short_code
from fosterhub.core.db import new_id


def test_each_slice_is_handed_out_once_across_blocks() -> None:
    drawn = [entropy.random_bytes(24) for _ in range(1000)]  # several 4 KiB blocks
    assert all(len(b) == 24 for b in drawn)
    assert len(set(drawn)) == len(drawn)
    assert len(entropy.random_bytes(10_000)) == 10_000  # more than a block at once


def _child_draw(queue: "multiprocessing.Queue[bytes]") -> None:
    queue.put(entropy.random_bytes(16))


def test_a_forked_worker_does_not_hand_out_its_parents_bytes() -> None:
    entropy.random_bytes(1)  # the parent holds a block
    context = multiprocessing.get_context("fork")
    queue: multiprocessing.Queue[bytes] = context.Queue()
    child = context.Process(target=_child_draw, args=(queue,))
    child.start()
    from_child = queue.get(timeout=30)
    child.join(30)
    # Without forgetting at the fork, the child would hand out the parent's next bytes.
    assert from_child != entropy.random_bytes(16)


def test_ids_are_time_ordered_version_7_uuids_and_codes_use_the_alphabet_evenly() -> None:
    before = time.time_ns() // 1_000_000
    made = [new_id() for _ in range(10_000)]
    after = time.time_ns() // 1_000_000
    ids = set(made)
    assert len(ids) == 10_000
    assert {uuid.UUID(i).version for i in ids} == {7}
    assert {uuid.UUID(i).variant for i in ids} == {uuid.RFC_4122}
    assert all(str(uuid.UUID(i)) == i for i in ids)  # spelt as str(uuid.UUID) spells them
    # The first 48 bits are the time of making in milliseconds, so later ids sort later.
    stamps = [uuid.UUID(i).int >> 80 for i in made]
    assert before <= stamps[0] and stamps[-1] <= after and stamps == sorted(stamps)
    assert made[-1] > made[0]
    # 74 random bits: the rest differs even between ids of the same millisecond.
    assert len({uuid.UUID(i).int & ((1 << 80) - 1) for i in made}) == 10_000
    codes = [short_code(8, "FH-") for _ in range(5_000)]
    assert all(len(c) == 11 and c.startswith("FH-") for c in codes)
    letters = Counter("".join(c[3:] for c in codes))
    assert set(letters) == set(ALPHABET)
    expected = 40_000 / len(ALPHABET)  # about 1,290 each
    assert all(0.8 * expected < n < 1.2 * expected for n in letters.values())
