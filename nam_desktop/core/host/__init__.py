"""The operating system's own services, one module per OS, behind small seams.

``windows.py`` (kernel32 and friends through ctypes), ``macos.py`` (libc's ``statfs``
through ctypes) and ``volumes.py`` (file-system type, read-only state and removable
drives on every OS). Each call site takes its API object as an argument or attribute,
so the tests run the logic on Linux with fakes of the platform layer.
"""
