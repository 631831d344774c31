/** What a test finds on disk after the code under test ran: the names left in a folder. */
package dev.pylayer.testdata.files;
