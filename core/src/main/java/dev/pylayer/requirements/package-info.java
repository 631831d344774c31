/**
 * pip requirements files ({@code -r requirements.txt}): {@link dev.pylayer.requirements.RequirementsFile} reads
 * a file and its includes with pip 26's {@code req_file.py} rules into requirements, constraints, index options
 * and hashes; what pylayer cannot install (editables, paths, bare URLs) is a typed error with a hint.
 */
package dev.pylayer.requirements;
