/**
 * PEP 440 versions and version specifiers, with the semantics of {@code packaging} 26 (the copy pip 26
 * vendors): normalization, ordering, all specifier operators, local-version rules and the pre-release
 * policy of {@code SpecifierSet.filter}.
 */
package dev.pylayer.version;
