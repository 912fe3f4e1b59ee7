# Multi-stage build: the SDK image compiles and publishes; the small ASP.NET runtime image runs as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY . .
RUN dotnet publish src/OneArmDesigner.Web/OneArmDesigner.Web.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# The database lives on a volume mounted at /data, owned by the unprivileged 'app' user the image provides.
RUN mkdir -p /data && chown app:app /data
USER app
ENV ASPNETCORE_URLS=http://+:8080 \
    ConnectionStrings__Default="Data Source=/data/onearm.db"
EXPOSE 8080
VOLUME /data
ENTRYPOINT ["dotnet", "OneArmDesigner.Web.dll"]
