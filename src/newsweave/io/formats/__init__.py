"""One module per input format; :mod:`newsweave.io.readers` sniffs a file and picks one.

Every reader takes an :class:`~newsweave.io.formats.base.Blob` (or a path, for streamed
formats) and yields exactly one :class:`~newsweave.model.Article` or
:class:`~newsweave.model.Problem` per input record.
"""
