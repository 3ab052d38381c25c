using System.Net.Http.Headers;
using System.Text;
using Alba;
using Recon.Api.Ingestion;

namespace Recon.Api.Tests.Fixtures;

public static class Uploads
{
    public const string LedgerHeader = "invoice_number,line_no,job_ref,customer_site,description,service_date,qty,unit_price,line_total,currency,posted_date";
    public const string ClientHeader = "job_id,client_id,site_code,site_name,service_type,service_date,quantity,unit_rate,amount,currency,status,po_number,contact_email";

    public static MultipartFormDataContent CsvFile(string content, string fileName = "upload.csv") => File(Encoding.UTF8.GetBytes(content), fileName);

    public static MultipartFormDataContent File(byte[] bytes, string fileName)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    public static async Task<(IScenarioResult Result, IngestionResult Body)> UploadLedger(this IAlbaHost host, Guid periodId, string csv, int status = 201, string fileName = "ledger.csv")
    {
        var result = await host.Scenario(x =>
        {
            x.Post.MultipartFormData(CsvFile(csv, fileName)).ToUrl($"/api/periods/{periodId}/ledger-lines");
            x.StatusCodeShouldBe(status);
        });
        return (result, await result.ReadAsJsonAsync<IngestionResult>());
    }

    public static async Task<(IScenarioResult Result, IngestionResult Body)> UploadClientJobs(this IAlbaHost host, Guid periodId, string csv, int status = 201)
    {
        var result = await host.Scenario(x =>
        {
            x.Post.MultipartFormData(CsvFile(csv, "client-jobs.csv")).ToUrl($"/api/periods/{periodId}/client-jobs");
            x.StatusCodeShouldBe(status);
        });
        return (result, await result.ReadAsJsonAsync<IngestionResult>());
    }

    /// <summary>Joins CSV lines with CRLF, as ERP exports do.</summary>
    public static string Csv(params string[] lines) => string.Join("\r\n", lines) + "\r\n";
}
