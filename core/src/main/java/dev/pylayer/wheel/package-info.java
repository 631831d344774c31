/**
 * Wheels as files: the PEP 427 file name ({@link dev.pylayer.wheel.WheelFilename}), source distribution
 * names ({@link dev.pylayer.wheel.SourceDistFilename}, only to say that a project has nothing but sdists),
 * the {@code .dist-info} files (METADATA, WHEEL, RECORD, entry_points.txt) and a wheel archive read from
 * its central directory ({@link dev.pylayer.wheel.WheelArchive}) with the safety checks that must pass
 * before any byte of it is installed: entry names, symlinks, declared sizes (zip bombs), duplicates and
 * RECORD consistency. Like pypa/installer's {@code sources.py} and {@code records.py}; where a wheel goes
 * is {@code dev.pylayer.layer}'s business.
 */
package dev.pylayer.wheel;
