package app.clientdesk.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /api/v1/openapi.json: bearer tokens, problem+json errors. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI clientdeskOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Clientdesk API").version("v1").description("""
                        Clients, and in later versions work, time and invoices, of one workspace. \
                        Authenticate with a personal token: `Authorization: Bearer <token>` (Settings → API tokens). \
                        Errors are RFC 9457 problem details (`application/problem+json`); invalid input answers 422 \
                        with every broken rule under `errors` as `{field, message}`. An id of another workspace is 404."""))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
