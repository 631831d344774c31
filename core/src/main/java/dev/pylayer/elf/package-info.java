/**
 * Reading ELF files with no native tools: the header (class, byte order, type, machine), the program
 * interpreter, the dynamic section ({@code DT_NEEDED}, {@code DT_SONAME}, run paths) and the symbol versions a
 * file needs from other libraries ({@code .gnu.version_r}: {@code GLIBC_2.28}, {@code GLIBCXX_3.4.29}, …). This
 * is what decides whether the Lambda image's dynamic loader accepts a shared object, as auditwheel reads it with
 * pyelftools. Hostile or truncated input ends in an {@link dev.pylayer.elf.ElfException}, never in an index error.
 */
package dev.pylayer.elf;
