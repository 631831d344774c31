@echo off
rem pylayer launcher for Windows: builds the CLI jar with the Maven wrapper when it is missing or older
rem than the sources, then runs it. Needs only a Java 17+ runtime (JAVA_HOME or java on PATH).
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%cli\target\pylayer.jar"
rem Class data of the classes a build loads, made on the first build after the jar changed (AppCDS): later
rem runs map it instead of loading, verifying and linking ~2000 classes. See the sh launcher for the flags.
set "ARCHIVE=%HERE%cli\target\pylayer.jsa"
set "DIRECTIVES=%HERE%cli\src\main\jvm\compiler-directives.json"

if defined JAVA_HOME (
  set "JAVA=%JAVA_HOME%\bin\java.exe"
) else (
  set "JAVA=java"
)

set "STALE=0"
set "CDS=use"
if not exist "%JAR%" (
  set "STALE=1"
  set "CDS=make"
) else (
  rem exit 1: the jar is older than a source; exit 2: the archive is missing or older than the jar.
  powershell -NoProfile -NonInteractive -Command ^
    "$j=(Get-Item -LiteralPath '%JAR%').LastWriteTimeUtc; $s=@('%HERE%pom.xml','%HERE%core\pom.xml','%HERE%cli\pom.xml','%HERE%core\src\main','%HERE%cli\src\main'); if (Get-ChildItem -LiteralPath $s -Recurse -File | Where-Object { $_.LastWriteTimeUtc -gt $j } | Select-Object -First 1) { exit 1 }; if ((Test-Path -LiteralPath '%ARCHIVE%') -and ((Get-Item -LiteralPath '%ARCHIVE%').LastWriteTimeUtc -gt $j)) { exit 0 } else { exit 2 }"
  if errorlevel 2 (
    set "CDS=make"
  ) else if errorlevel 1 (
    set "STALE=1"
    set "CDS=make"
  )
)

if "%STALE%"=="1" (
  echo pylayer: building the command-line jar ^(first run, or the sources changed^)... 1>&2
  pushd "%HERE%"
  call mvnw.cmd -q -B -Dmaven.test.skip=true -pl cli -am package 1>&2
  if errorlevel 1 (
    popd
    echo pylayer: the build failed; run mvnw.cmd -pl cli -am package to see why. 1>&2
    exit /b 1
  )
  popd
)

set "JVM=-XX:+UseSerialGC -Xmn24m -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
if exist "%DIRECTIVES%" set "JVM=%JVM% -XX:+UnlockDiagnosticVMOptions -XX:-DisplayVMOutput -XX:-C1UpdateMethodData -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000 "-XX:CompilerDirectivesFile=%DIRECTIVES%""

if "%CDS%"=="use" goto use_archive
if /I "%~1"=="build" goto make_archive
"%JAVA%" %JVM% %PYLAYER_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%

:use_archive
"%JAVA%" %JVM% "-XX:SharedArchiveFile=%ARCHIVE%" %PYLAYER_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%

:make_archive
rem Written under a temporary name and moved, so that a concurrent run never reads half an archive.
"%JAVA%" %JVM% "-XX:ArchiveClassesAtExit=%ARCHIVE%.tmp" %PYLAYER_JAVA_OPTS% -jar "%JAR%" %*
set "RC=%ERRORLEVEL%"
if not "%RC%"=="0" del /q "%ARCHIVE%.tmp" 2>nul
if "%RC%"=="0" if exist "%ARCHIVE%.tmp" move /y "%ARCHIVE%.tmp" "%ARCHIVE%" >nul 2>nul
exit /b %RC%
