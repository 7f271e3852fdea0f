#include "Answer.h"

namespace panelx::http {

Answer textAnswer(int status, const QString &sentence, qint64 retryAfterS)
{
    Answer answer;
    answer.status = status;
    answer.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
    answer.cacheControl = QByteArrayLiteral("no-store");
    answer.body = sentence.toUtf8() + '\n';
    if (retryAfterS > 0)
        answer.headers.append({"Retry-After", QByteArray::number(retryAfterS)});
    return answer;
}

} // namespace panelx::http
