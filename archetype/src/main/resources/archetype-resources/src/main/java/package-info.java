/** The ${moduleId} module: its classes stay private, the bundle exports nothing. */
@Module("${moduleId}")
package ${package};

import dev.kontor.api.module.Module;
