// The archetype plugin checks moduleId's validationRegex only when it asks interactively;
// with -B a wrong id would reach table and permission names. Refuse it and leave nothing behind.
def moduleId = request.properties.getProperty('moduleId')
if (!(moduleId ==~ /[a-z][a-z0-9]{0,29}/)) {
    new File(request.outputDirectory, request.artifactId).deleteDir()
    throw new IllegalArgumentException("moduleId '" + moduleId + "' must be 1 to 30 lower-case letters and digits, starting with a letter")
}
