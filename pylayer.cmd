@echo off
rem pylayer launcher for Windows: builds the CLI jar with the Maven wrapper when it is missing or older
rem than the sources, then runs it. Needs only a Java 17+ runtime (JAVA_HOME or java on PATH).
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%cli\target\pylayer.jar"

if defined JAVA_HOME (
  set "JAVA=%JAVA_HOME%\bin\java.exe"
) else (
  set "JAVA=java"
)

set "STALE=0"
if not exist "%JAR%" (
  set "STALE=1"
) else (
  powershell -NoProfile -NonInteractive -Command ^
    "$j=(Get-Item -LiteralPath '%JAR%').LastWriteTimeUtc; $s=@('%HERE%pom.xml','%HERE%core\pom.xml','%HERE%cli\pom.xml','%HERE%core\src\main','%HERE%cli\src\main'); if (Get-ChildItem -LiteralPath $s -Recurse -File | Where-Object { $_.LastWriteTimeUtc -gt $j } | Select-Object -First 1) { exit 1 } else { exit 0 }"
  if errorlevel 1 set "STALE=1"
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

"%JAVA%" %PYLAYER_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
