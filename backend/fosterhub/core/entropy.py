"""Random bytes from the operating system, fetched a block at a time.

A public enquiry draws several ids, a reference and a request id: a dozen `getrandom` calls
into the kernel when each is asked for alone. These are the same bytes (`os.urandom`, the
kernel's cryptographic generator), fetched 4 KiB at a time and handed out in order, each once.
A forked worker forgets what its parent had fetched, so no two processes hand out the same
bytes; a lock keeps two threads from taking the same slice.
"""

import os
import threading

_BLOCK = 4096
_lock = threading.Lock()
_pool = b""
_taken = 0


def random_bytes(n: int) -> bytes:
    global _pool, _taken
    with _lock:
        if _taken + n > len(_pool):
            _pool, _taken = os.urandom(max(_BLOCK, n)), 0
        start = _taken
        _taken += n
        return _pool[start:_taken]


def _forget() -> None:
    global _pool, _taken, _lock
    _lock = threading.Lock()
    _pool, _taken = b"", 0


os.register_at_fork(after_in_child=_forget)
