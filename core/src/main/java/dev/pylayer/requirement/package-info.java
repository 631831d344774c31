/**
 * PEP 508 dependency specifiers: {@link dev.pylayer.requirement.Requirement} ({@code name[extras] specifiers ;
 * marker}, {@code name @ url}), environment {@link dev.pylayer.requirement.Marker}s and the
 * {@link dev.pylayer.requirement.MarkerEnvironment} they are evaluated in. Grammar, printing and evaluation follow
 * {@code packaging} 26.2 (pip 26's vendored copy) rule for rule, quirks included, so pylayer installs what pip
 * would; where we differ on purpose, the class says so.
 */
package dev.pylayer.requirement;
